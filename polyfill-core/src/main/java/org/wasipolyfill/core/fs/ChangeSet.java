package org.wasipolyfill.core.fs;

import java.util.List;

/**
 * What a save to one store must write: the reachable inodes that changed after the store's
 * baseline, and the numbers of all reachable inodes (the store removes those it holds that are
 * not among them). A {@link #full} set holds every reachable inode and replaces whatever the
 * store held. {@link #generation} is the store's new baseline once the write succeeds.
 */
public final class ChangeSet {
    private final int generation;
    private final int since;
    private final int rootIno;
    private final List<Inode> changed;
    private final int[] live;

    ChangeSet(int generation, int since, int rootIno, List<Inode> changed, int[] live) {
        this.generation = generation;
        this.since = since;
        this.rootIno = rootIno;
        this.changed = changed;
        this.live = live;
    }

    public int generation() {
        return generation;
    }

    public boolean full() {
        return since < 0;
    }

    public int rootIno() {
        return rootIno;
    }

    public List<Inode> changed() {
        return changed;
    }

    /** Every reachable inode's number, changed or not. */
    public int[] live() {
        return live;
    }

    /** Whether the store needs {@code node}'s content (bytes, entries) and not just its metadata. */
    public boolean includesContent(Inode node) {
        return since < 0 || node.contentChangedSince(since);
    }
}

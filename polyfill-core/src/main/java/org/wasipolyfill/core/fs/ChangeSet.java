package org.wasipolyfill.core.fs;

import java.util.List;

/**
 * What a save to one store must write: the reachable inodes that changed after the store's last
 * save ({@code since}), and the inodes deleted since then. A {@code full} set holds every
 * reachable inode and replaces whatever the store held; {@link #generation} is the store's new
 * baseline once the write succeeds.
 */
public record ChangeSet(int generation, int since, boolean full, int rootIno, List<Inode> changed, int[] deleted) {

    /** Whether the store needs {@code node}'s content (bytes, entries) and not just its metadata. */
    public boolean includesContent(Inode node) {
        return full || node.contentChangedSince(since);
    }
}

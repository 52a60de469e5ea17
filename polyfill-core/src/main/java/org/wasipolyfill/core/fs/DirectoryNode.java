package org.wasipolyfill.core.fs;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.wasipolyfill.core.abi.FileType;

/**
 * A directory: named entries in creation order. Each entry carries a sequence number that never
 * changes while it exists, which is what makes fd_readdir cookies stable across calls and across
 * unrelated changes: cookie 0 starts at ".", 1 resumes at "..", and {@code n >= 2} resumes at the
 * first entry whose sequence is at least n.
 */
public final class DirectoryNode extends Inode {
    /** The cookie that resumes after "." and ".." and the first entry sequence number. */
    public static final long FIRST_ENTRY_COOKIE = 2;

    /** One name in a directory. */
    public static final class Entry {
        private final FileName name;
        private final Inode node;
        private final long sequence;

        Entry(FileName name, Inode node, long sequence) {
            this.name = name;
            this.node = node;
            this.sequence = sequence;
        }

        public FileName name() {
            return name;
        }

        public Inode node() {
            return node;
        }

        /** The cookie that resumes after this entry. */
        public long nextCookie() {
            return sequence + 1;
        }
    }

    private final Map<FileName, Entry> byName = new HashMap<>();
    private final TreeMap<Long, Entry> bySequence = new TreeMap<>();
    private long nextSequence = FIRST_ENTRY_COOKIE;
    private DirectoryNode parent;
    private int subdirectories;

    DirectoryNode(long ino, long now, DirectoryNode parent) {
        super(ino, now);
        if (parent == null) {
            this.parent = this;
            this.nlink = 1;
        } else {
            this.parent = parent;
        }
    }

    /** The directory ".." names: the root is its own parent. */
    public DirectoryNode parent() {
        return parent;
    }

    public Inode get(FileName name) {
        Entry entry = byName.get(name);
        return entry == null ? null : entry.node;
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    public int entryCount() {
        return byName.size();
    }

    /** The entries from {@code cookie} on, in cookie order. */
    public Collection<Entry> entriesFrom(long cookie) {
        return bySequence.tailMap(Math.max(cookie, FIRST_ENTRY_COOKIE), true).values();
    }

    /** POSIX link count of a directory: its own name, its ".", and each subdirectory's "..". */
    @Override
    public long nlink() {
        return nlink == 0 ? 0 : 2L + subdirectories;
    }

    /** False once removed: nothing new may be created in it. */
    public boolean isLinked() {
        return nlink > 0;
    }

    void link(FileName name, Inode node, long now) {
        Entry entry = new Entry(name, node, nextSequence++);
        byName.put(name, entry);
        bySequence.put(entry.sequence, entry);
        if (node instanceof DirectoryNode child) {
            child.parent = this;
            child.nlink = 1;
            subdirectories++;
        } else {
            node.nlink++;
        }
        node.touchCtim(now);
        touchModified(now);
    }

    Inode unlink(FileName name, long now) {
        Entry entry = byName.remove(name);
        if (entry == null) {
            return null;
        }
        bySequence.remove(entry.sequence);
        Inode node = entry.node;
        if (node instanceof DirectoryNode) {
            subdirectories--;
            node.nlink = 0;
        } else {
            node.nlink--;
        }
        node.touchCtim(now);
        touchModified(now);
        return node;
    }

    @Override
    public int fileType() {
        return FileType.DIRECTORY;
    }

    /** Directories report the size of their entry table, as many filesystems do; never read. */
    @Override
    public long size() {
        return 4096;
    }
}

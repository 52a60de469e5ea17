package org.wasipolyfill.core.fs;

import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.ErrnoException;
import org.wasipolyfill.core.abi.FileType;

/**
 * A directory: named entries in creation order. Each entry carries a sequence number that never
 * changes while it exists, which is what makes fd_readdir cookies stable across calls and across
 * unrelated changes: cookie 0 starts at ".", 1 resumes at "..", and {@code n >= 2} resumes at the
 * first entry whose sequence is at least n.
 *
 * <p>Everything here is {@code int}: in the JS build a Java {@code long} is a BigInt, so the
 * sequence numbers are ints (cookies are u64 only at the ABI boundary) and names are looked up in
 * a hash table of byte ranges, so a path component needs no key object.
 */
public final class DirectoryNode extends Inode {
    /** The permission bits a new directory gets. */
    public static final int DEFAULT_MODE = 0755;
    /** The cookie that resumes after "." and ".." and the first entry sequence number. */
    public static final long FIRST_ENTRY_COOKIE = 2;

    /** One name in a directory. */
    public static final class Entry {
        private final FileName name;
        private final Inode node;
        private final int sequence;
        private Entry nextInBucket;

        Entry(FileName name, Inode node, int sequence) {
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

        /** The cookie that resumes after this entry; it always fits in an int. */
        public int nextCookie() {
            return sequence + 1;
        }
    }

    private static final Entry[] NO_ENTRIES = new Entry[0];
    private static final int[] NO_SEQUENCES = new int[0];
    private static final int INITIAL_CAPACITY = 8;

    /** Hash chains by name; the length is a power of two, or 0 until the first entry. */
    private Entry[] buckets = NO_ENTRIES;
    private int size;
    /**
     * Entries in sequence order. A removed entry leaves a null slot (its sequence stays in
     * {@link #sequences}, so the array stays sorted for binary search) until a compaction.
     */
    private Entry[] ordered = NO_ENTRIES;
    private int[] sequences = NO_SEQUENCES;
    private int orderedCount;
    private int nextSequence = (int) FIRST_ENTRY_COOKIE;
    private DirectoryNode parent;
    private int subdirectories;

    DirectoryNode(int ino, long now, DirectoryNode parent, MemFs fs) {
        super(ino, now, DEFAULT_MODE, fs);
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
        byte[] bytes = name.bytes();
        return get(bytes, 0, bytes.length, name.hashCode());
    }

    /**
     * The node named by {@code path[offset, offset + length)}, or null; {@code hash} is that
     * range's {@link FileName#hash(byte[], int, int)}.
     */
    public Inode get(byte[] path, int offset, int length, int hash) {
        Entry entry = find(path, offset, length, hash);
        return entry == null ? null : entry.node;
    }

    /** The entry named by {@code path[offset, offset + length)}, or null; as {@link #get(byte[], int, int, int)}. */
    Entry find(byte[] path, int offset, int length, int hash) {
        if (size == 0) {
            return null;
        }
        for (Entry e = buckets[hash & (buckets.length - 1)]; e != null; e = e.nextInBucket) {
            if (e.name.matches(hash, path, offset, length)) {
                return e;
            }
        }
        return null;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int entryCount() {
        return size;
    }

    /**
     * The slot of the first entry a readdir from {@code cookie} returns; iterate with
     * {@link #entryAt(int)} up to {@link #slotCount()}, skipping null slots. Valid until the
     * directory changes.
     */
    public int firstSlotFrom(long cookie) {
        if (cookie <= FIRST_ENTRY_COOKIE) {
            return 0;
        }
        if (cookie >= nextSequence) {
            return orderedCount;
        }
        int target = (int) cookie;
        int lo = 0;
        int hi = orderedCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sequences[mid] < target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public int slotCount() {
        return orderedCount;
    }

    /** The entry in {@code slot}, or null where an entry was removed. */
    public Entry entryAt(int slot) {
        return ordered[slot];
    }

    /** POSIX link count of a directory: its own name, its ".", and each subdirectory's "..". */
    @Override
    public long nlink() {
        return nlink == 0 ? 0 : 2 + subdirectories;
    }

    /** False once removed: nothing new may be created in it. */
    public boolean isLinked() {
        return nlink > 0;
    }

    void link(FileName name, Inode node, long now) {
        if (nextSequence == Integer.MAX_VALUE) {
            // 2^31 names ever created in one directory: cookies would no longer be ordered.
            throw ErrnoException.of(Errno.NOSPC);
        }
        Entry entry = new Entry(name, node, nextSequence++);
        insertByName(entry);
        appendOrdered(entry);
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
        Entry entry = removeByName(name);
        if (entry == null) {
            return null;
        }
        removeOrdered(entry);
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

    private void insertByName(Entry entry) {
        if (buckets.length == 0) {
            buckets = new Entry[INITIAL_CAPACITY];
        } else if (size >= buckets.length - (buckets.length >>> 2)) {
            Entry[] old = buckets;
            buckets = new Entry[old.length * 2];
            for (Entry head : old) {
                Entry e = head;
                while (e != null) {
                    Entry next = e.nextInBucket;
                    int b = e.name.hashCode() & (buckets.length - 1);
                    e.nextInBucket = buckets[b];
                    buckets[b] = e;
                    e = next;
                }
            }
        }
        int b = entry.name.hashCode() & (buckets.length - 1);
        entry.nextInBucket = buckets[b];
        buckets[b] = entry;
        size++;
    }

    private Entry removeByName(FileName name) {
        if (size == 0) {
            return null;
        }
        byte[] bytes = name.bytes();
        int hash = name.hashCode();
        int b = hash & (buckets.length - 1);
        Entry previous = null;
        for (Entry e = buckets[b]; e != null; previous = e, e = e.nextInBucket) {
            if (e.name.matches(hash, bytes, 0, bytes.length)) {
                if (previous == null) {
                    buckets[b] = e.nextInBucket;
                } else {
                    previous.nextInBucket = e.nextInBucket;
                }
                e.nextInBucket = null;
                size--;
                return e;
            }
        }
        return null;
    }

    private void appendOrdered(Entry entry) {
        if (orderedCount == ordered.length) {
            if (orderedCount > 0 && size <= orderedCount / 2) {
                compact();
            }
            if (orderedCount == ordered.length) {
                int capacity = Math.max(INITIAL_CAPACITY, ordered.length * 2);
                Entry[] grownEntries = new Entry[capacity];
                int[] grownSequences = new int[capacity];
                for (int i = 0; i < orderedCount; i++) {
                    grownEntries[i] = ordered[i];
                    grownSequences[i] = sequences[i];
                }
                ordered = grownEntries;
                sequences = grownSequences;
            }
        }
        ordered[orderedCount] = entry;
        sequences[orderedCount] = entry.sequence;
        orderedCount++;
    }

    private void removeOrdered(Entry entry) {
        int slot = firstSlotFrom(entry.sequence);
        ordered[slot] = null;
        if (size == 0) {
            orderedCount = 0;
        } else if (orderedCount > 32 && size < orderedCount / 4) {
            compact();
        }
    }

    /** Drops the null slots; sequences keep their order. */
    private void compact() {
        int live = 0;
        for (int i = 0; i < orderedCount; i++) {
            Entry e = ordered[i];
            if (e != null) {
                ordered[live] = e;
                sequences[live] = e.sequence;
                live++;
            }
        }
        for (int i = live; i < orderedCount; i++) {
            ordered[i] = null;
        }
        orderedCount = live;
    }

    @Override
    public int fileType() {
        return FileType.DIRECTORY;
    }

    /** A directory's filestat size: one 4 KiB block, whatever it holds, as ext4 reports a small directory. */
    @Override
    public long size() {
        return 4096;
    }
}

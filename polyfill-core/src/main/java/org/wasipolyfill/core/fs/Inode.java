package org.wasipolyfill.core.fs;

/**
 * What a directory entry points at: identity, link count and the three timestamps (nanoseconds
 * since the epoch), shared by every name and descriptor that reaches it.
 *
 * <p>Each node also remembers the MemFS generation in which its metadata and its content (a file's
 * bytes, a directory's entries) last changed, which is all an incremental save needs: one field
 * store per change, nothing else on the hot paths.
 *
 * <p>It also keeps POSIX permission bits ({@link #mode()}): WASI has no modes, so a guest never
 * sees or changes them, but the host keeps them for archives and persistence.
 */
public abstract class Inode {
    /**
     * An int, not a long (a BigInt in the JS build), as every node costs one; numbers are unsigned
     * and unique while fewer than 2^32 nodes have been made in the tree.
     */
    private final int ino;
    /** The permission bits a mode keeps: rwx for owner, group and others, setuid, setgid, sticky. */
    public static final int MODE_BITS = 07777;
    private final MemFs fs;
    int nlink;
    long atim;
    long mtim;
    long ctim;
    private int mode;
    int metadataChanged;
    int contentChanged;
    /** The generation of the last save that collected this node: a node with two names goes in once. */
    int collectedIn;

    Inode(int ino, long now, int mode, MemFs fs) {
        this.ino = ino;
        this.mode = mode;
        this.fs = fs;
        this.metadataChanged = fs.generation;
        this.contentChanged = fs.generation;
        this.atim = now;
        this.mtim = now;
        this.ctim = now;
    }

    public final long ino() {
        return Integer.toUnsignedLong(ino);
    }

    /** {@link #ino()} as the int that holds its 32 bits: the guest's u64 is this and a zero high half. */
    public final int inoU32() {
        return ino;
    }

    /** An {@code abi.FileType} value. */
    public abstract int fileType();

    public abstract long size();

    public long nlink() {
        return nlink;
    }

    public long atim() {
        return atim;
    }

    public long mtim() {
        return mtim;
    }

    public long ctim() {
        return ctim;
    }

    /** The permission bits (at most {@code 07777}). */
    public int mode() {
        return mode;
    }

    /** Keeps the permission bits of {@code value} (those in {@code 07777}); stamps nothing. */
    public void setMode(int value) {
        mode = value & MODE_BITS;
    }

    public void setAtim(long value) {
        atim = value;
        metadataChanged = fs.generation;
    }

    public void setMtim(long value) {
        mtim = value;
        metadataChanged = fs.generation;
    }

    /** A change of metadata (links, times, size, permissions) stamps ctime. */
    public void touchCtim(long now) {
        ctim = now;
        metadataChanged = fs.generation;
    }

    /** A change of content stamps mtime and ctime. */
    public void touchModified(long now) {
        mtim = now;
        ctim = now;
        contentChanged = fs.generation;
    }

    /** Whether anything about this node (times, links, content) changed after generation {@code since}. */
    public boolean changedSince(int since) {
        return metadataChanged > since || contentChanged > since;
    }

    /** Whether a file's bytes or a directory's entries changed after generation {@code since}. */
    public boolean contentChangedSince(int since) {
        return contentChanged > since;
    }

    /** Stamps the node as it is after a restore: as of {@code generation}, with these times and mode. */
    void restored(long atim, long mtim, long ctim, int mode, int generation) {
        this.mode = mode & MODE_BITS;
        this.atim = atim;
        this.mtim = mtim;
        this.ctim = ctim;
        this.metadataChanged = generation;
        this.contentChanged = generation;
    }
}

package org.wasipolyfill.core.fs;

/**
 * What a directory entry points at: identity, link count and the three timestamps (nanoseconds
 * since the epoch), shared by every name and descriptor that reaches it.
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
    int nlink;
    long atim;
    long mtim;
    long ctim;
    private int mode;

    Inode(int ino, long now, int mode) {
        this.ino = ino;
        this.mode = mode;
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
    }

    public void setMtim(long value) {
        mtim = value;
    }

    /** A change of metadata (links, times, size, permissions) stamps ctime. */
    public void touchCtim(long now) {
        ctim = now;
    }

    /** A change of content stamps mtime and ctime. */
    public void touchModified(long now) {
        mtim = now;
        ctim = now;
    }
}

package org.wasipolyfill.core.fs;

/**
 * One inode of a snapshot to restore. A file holds {@code chunks} (its bytes in order), a symlink
 * its {@code target}, a directory its entries in readdir order as {@code names} and
 * {@code children}, the indices in the snapshot of the inodes they name; the fields of the other
 * kinds are null.
 */
public final class InodeImage {
    final int ino;
    final int fileType;
    final long atim;
    final long mtim;
    final long ctim;
    final int mode;
    final byte[][] chunks;
    final byte[] target;
    final byte[][] names;
    final int[] children;

    public InodeImage(int ino, int fileType, long atim, long mtim, long ctim, int mode, byte[][] chunks, byte[] target,
            byte[][] names, int[] children) {
        this.ino = ino;
        this.fileType = fileType;
        this.atim = atim;
        this.mtim = mtim;
        this.ctim = ctim;
        this.mode = mode;
        this.chunks = chunks;
        this.target = target;
        this.names = names;
        this.children = children;
    }
}

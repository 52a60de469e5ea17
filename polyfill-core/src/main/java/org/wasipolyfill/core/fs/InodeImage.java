package org.wasipolyfill.core.fs;

/**
 * One inode as a store hands it back for a restore. A file holds {@code chunks} (its bytes in
 * order), a symlink its {@code target}, a directory its entries as {@code names} and the
 * {@code inos} they name, in readdir order; the fields of the other kinds are null.
 */
public record InodeImage(int ino, int fileType, long atim, long mtim, long ctim, byte[][] chunks,
        byte[] target, byte[][] names, int[] inos) {
}

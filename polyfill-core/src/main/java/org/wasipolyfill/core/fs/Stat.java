package org.wasipolyfill.core.fs;

/** A snapshot of an inode's metadata for the host API; {@code mode} holds the permission bits alone. */
public record Stat(int fileType, long size, long ino, long nlink, long atimNanos, long mtimNanos,
        long ctimNanos, int mode) {

    static Stat of(Inode node) {
        return new Stat(node.fileType(), node.size(), node.ino(), node.nlink(), node.atim(),
                node.mtim(), node.ctim(), node.mode());
    }
}

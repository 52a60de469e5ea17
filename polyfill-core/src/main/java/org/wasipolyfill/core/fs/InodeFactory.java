package org.wasipolyfill.core.fs;

/**
 * Makes the nodes of one MemFS and numbers them, so inode numbers are unique within a tree
 * (jimfs's FileFactory). A restored tree keeps its numbers; new ones go on after the largest.
 */
final class InodeFactory {
    private final MemFs fs;
    private int nextIno = 1;

    InodeFactory(MemFs fs) {
        this.fs = fs;
    }

    FileNode newFile(long now) {
        return new FileNode(nextIno++, now, fs);
    }

    /** A directory under {@code parent}; the root is its own parent ({@code null} here). */
    DirectoryNode newDirectory(DirectoryNode parent, long now) {
        return new DirectoryNode(nextIno++, now, parent, fs);
    }

    SymlinkNode newSymlink(byte[] target, long now) {
        return new SymlinkNode(nextIno++, now, target, fs);
    }

    /** After a restore whose largest inode number (unsigned) is {@code maxIno}. */
    void continueAfter(int maxIno) {
        if (Integer.compareUnsigned(maxIno, nextIno) >= 0) {
            nextIno = maxIno + 1;
        }
    }
}

package org.wasipolyfill.core.fs;

import org.wasipolyfill.core.abi.FileType;

/**
 * A regular file. Its bytes live while it has a name or an open descriptor; when both are gone
 * its size goes back to the MemFS's budget.
 */
public final class FileNode extends Inode {
    /** The permission bits a new file gets. */
    public static final int DEFAULT_MODE = 0644;
    private final FileData data;
    private int openDescriptors;

    FileNode(int ino, long now, MemFs fs) {
        super(ino, now, DEFAULT_MODE, fs);
        this.data = new FileData(fs);
    }

    /** A descriptor now refers to this file. */
    public void opened() {
        openDescriptors++;
    }

    /** A descriptor that referred to this file is closed. */
    public void closed() {
        openDescriptors--;
        releaseIfGone();
    }

    /** Frees the bytes of a file nothing can reach any more. */
    void releaseIfGone() {
        if (nlink == 0 && openDescriptors <= 0) {
            data.setLength(0);
        }
    }

    public FileData data() {
        return data;
    }

    @Override
    public int fileType() {
        return FileType.REGULAR_FILE;
    }

    @Override
    public long size() {
        return data.length();
    }
}

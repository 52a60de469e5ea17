package org.wasipolyfill.core.fs;

import org.wasipolyfill.core.abi.FileType;

/** A regular file. */
public final class FileNode extends Inode {
    private final FileData data = new FileData();

    FileNode(int ino, long now) {
        super(ino, now);
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

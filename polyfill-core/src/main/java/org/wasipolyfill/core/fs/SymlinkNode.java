package org.wasipolyfill.core.fs;

import org.wasipolyfill.core.abi.FileType;

/** A symbolic link: its target is stored as written and only interpreted when followed. */
public final class SymlinkNode extends Inode {
    /** The permission bits a new symlink gets. */
    public static final int DEFAULT_MODE = 0777;
    private final byte[] target;

    SymlinkNode(int ino, long now, byte[] target, MemFs fs) {
        super(ino, now, DEFAULT_MODE, fs);
        this.target = target;
    }

    public byte[] target() {
        return target;
    }

    @Override
    public int fileType() {
        return FileType.SYMBOLIC_LINK;
    }

    @Override
    public long size() {
        return target.length;
    }
}

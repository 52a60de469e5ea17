package org.wasipolyfill.core.fs;

import org.wasipolyfill.core.abi.FileType;

/** A symbolic link: its target is stored as written and only interpreted when followed. */
public final class SymlinkNode extends Inode {
    private final byte[] target;

    SymlinkNode(int ino, long now, byte[] target, MemFs fs) {
        super(ino, now, fs);
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

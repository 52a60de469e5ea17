package org.wasipolyfill.core.fd;

import org.wasipolyfill.core.abi.FileType;
import org.wasipolyfill.core.abi.Rights;
import org.wasipolyfill.core.fs.DirectoryNode;
import org.wasipolyfill.core.fs.Inode;

/**
 * An open directory: the root of every path lookup made through it. A preopen also carries the
 * name the guest knows it by (fd_prestat_dir_name).
 */
public final class DirectoryDescriptor extends Descriptor {
    private final DirectoryNode directory;
    private final byte[] preopenName;

    public DirectoryDescriptor(DirectoryNode directory, byte[] preopenName, int rightsBase,
            int rightsInheriting, int fdFlags) {
        super(rightsBase, rightsInheriting, fdFlags);
        this.directory = directory;
        this.preopenName = preopenName;
    }

    @Override
    protected int kindRights() {
        return Rights.DIRECTORY_BASE;
    }

    @Override
    public int fileType() {
        return FileType.DIRECTORY;
    }

    @Override
    public Inode inode() {
        return directory;
    }

    public DirectoryNode directory() {
        return directory;
    }

    /** The guest-visible name of a preopen, or {@code null} for a directory opened by path. */
    public byte[] preopenName() {
        return preopenName;
    }
}

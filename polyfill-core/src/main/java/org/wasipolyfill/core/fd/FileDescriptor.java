package org.wasipolyfill.core.fd;

import org.wasipolyfill.core.IoVecs;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.FdFlags;
import org.wasipolyfill.core.abi.FileType;
import org.wasipolyfill.core.abi.Rights;
import org.wasipolyfill.core.abi.Whence;
import org.wasipolyfill.core.fs.FileData;
import org.wasipolyfill.core.fs.FileNode;
import org.wasipolyfill.core.abi.ErrnoException;
import org.wasipolyfill.core.fs.Inode;
import org.wasipolyfill.core.fs.MemFs;

/** An open regular file: a node and a position. The node outlives its names (unlink while open). */
public final class FileDescriptor extends Descriptor {
    private final MemFs fs;
    private final FileNode file;
    private long position;

    public FileDescriptor(MemFs fs, FileNode file, int rightsBase, int rightsInheriting, int fdFlags) {
        super(rightsBase, rightsInheriting, fdFlags);
        this.fs = fs;
        this.file = file;
        file.opened();
    }

    @Override
    public void close() {
        file.closed();
    }

    @Override
    protected int kindRights() {
        return Rights.REGULAR_FILE_BASE;
    }

    @Override
    public int fileType() {
        return FileType.REGULAR_FILE;
    }

    @Override
    public Inode inode() {
        return file;
    }

    public FileNode file() {
        return file;
    }

    @Override
    public int read(IoVecs iovs) {
        int n = readAt(iovs, position);
        position += n;
        return n;
    }

    @Override
    public int pread(IoVecs iovs, long offset) {
        if (offset < 0) {
            throw ErrnoException.of(Errno.INVAL);
        }
        return readAt(iovs, offset);
    }

    @Override
    public int write(IoVecs iovs) {
        if ((fdFlags() & FdFlags.APPEND) != 0) {
            position = file.data().length();
        }
        int n = writeAt(iovs, position);
        position += n;
        return n;
    }

    /** With APPEND, pwrite appends and ignores the offset, as Linux does. */
    @Override
    public int pwrite(IoVecs iovs, long offset) {
        if (offset < 0) {
            throw ErrnoException.of(Errno.INVAL);
        }
        boolean append = (fdFlags() & FdFlags.APPEND) != 0;
        return writeAt(iovs, append ? file.data().length() : offset);
    }

    /** Position and length are never negative, so a target past 2^63 - 1 wraps below zero: EINVAL too. */
    @Override
    public long seek(long offset, int whence) {
        long target = switch (whence) {
            case Whence.SET -> offset;
            case Whence.CUR -> position + offset;
            case Whence.END -> file.data().length() + offset;
            default -> throw ErrnoException.of(Errno.INVAL);
        };
        if (target < 0) {
            throw ErrnoException.of(Errno.INVAL);
        }
        position = target;
        return target;
    }

    @Override
    public long tell() {
        return position;
    }

    @Override
    public long readableBytes() {
        return Math.max(0, file.data().length() - position);
    }

    private int readAt(IoVecs iovs, long offset) {
        FileData data = file.data();
        // As in Linux, an access that would end past 2^63 - 1 is EINVAL.
        if (offset > Long.MAX_VALUE - iovs.checkedTotal()) {
            throw ErrnoException.of(Errno.INVAL);
        }
        int total = 0;
        for (int i = 0; i < iovs.count(); i++) {
            int length = iovs.length(i);
            int n = data.read(offset + total, iovs.memory(), iovs.buffer(i), length);
            total += n;
            if (n < length) {
                break;
            }
        }
        if (total > 0) {
            file.setAtim(fs.now());
        }
        return total;
    }

    private int writeAt(IoVecs iovs, long offset) {
        FileData data = file.data();
        int total = iovs.checkedTotal();
        data.checkWrite(offset, total);
        int done = 0;
        for (int i = 0; i < iovs.count(); i++) {
            int length = iovs.length(i);
            data.write(offset + done, iovs.memory(), iovs.buffer(i), length);
            done += length;
        }
        if (total > 0) {
            file.touchModified(fs.now());
        }
        return total;
    }
}

package org.wasipolyfill.core.fd;

import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.FileType;
import org.wasipolyfill.core.abi.ErrnoException;

/**
 * A stdio stream: a character device that cannot seek. Its rights hold no FD_SEEK/FD_TELL, which
 * is what wasi-libc's isatty() looks for to see a terminal (and so line-buffer stdout).
 */
abstract class StreamDescriptor extends Descriptor {
    private final int kindRights;

    StreamDescriptor(int rights) {
        super(rights, 0, 0);
        this.kindRights = rights;
    }

    @Override
    public final boolean isStream() {
        return true;
    }

    /** Like Wasmtime, which changes fdflags only on files: a stdio stream answers EBADF. */
    @Override
    public final void setFdFlags(int flags) {
        throw ErrnoException.of(Errno.BADF);
    }

    @Override
    protected final int kindRights() {
        return kindRights;
    }

    @Override
    public final int fileType() {
        return FileType.CHARACTER_DEVICE;
    }
}

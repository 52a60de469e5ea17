package org.wasipolyfill.core.fs;

import org.wasipolyfill.core.abi.Errno;

/** A filesystem or descriptor operation that failed with a WASI errno. */
public final class FsException extends RuntimeException {
    private final int errno;

    public FsException(int errno) {
        super(Errno.name(errno), null, false, false);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}

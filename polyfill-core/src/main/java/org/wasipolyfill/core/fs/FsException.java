package org.wasipolyfill.core.fs;

import org.wasipolyfill.core.abi.Errno;

/**
 * A filesystem or descriptor operation that failed with a WASI errno. It carries nothing but the
 * errno and no stack trace, so there is one shared instance per errno ({@link #of}): in the JS
 * build every Java exception gets a JS {@code Error} with a captured stack when it is made, which
 * would otherwise be paid on every failing call (a stat of a missing file).
 */
public final class FsException extends RuntimeException {
    private static final FsException[] BY_ERRNO = new FsException[Errno.NOTCAPABLE + 1];

    private final int errno;

    private FsException(int errno) {
        super(null, null, false, false);
        this.errno = errno;
    }

    /** The errno's name ("ENOENT"), made when asked: the JS build makes all 76 exceptions up front. */
    @Override
    public String getMessage() {
        return Errno.name(errno);
    }

    /** The exception for {@code errno}, one of {@link Errno}'s codes. */
    public static FsException of(int errno) {
        if (errno < 0 || errno >= BY_ERRNO.length) {
            throw new IllegalArgumentException("not a WASI errno: " + errno);
        }
        FsException shared = BY_ERRNO[errno];
        if (shared == null) {
            shared = new FsException(errno);
            BY_ERRNO[errno] = shared;
        }
        return shared;
    }

    public int errno() {
        return errno;
    }
}

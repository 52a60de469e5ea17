package org.wasipolyfill.core.abi;

/**
 * A call that failed with a WASI errno, thrown from anywhere below the syscall methods (the
 * filesystem, descriptors, iovecs, poll) and returned by the import binding as the call's errno.
 * It carries nothing but the
 * errno and no stack trace, so there is one shared instance per errno ({@link #of}): in the JS
 * build every Java exception gets a JS {@code Error} with a captured stack when it is made, which
 * would otherwise be paid on every failing call (a stat of a missing file).
 */
public final class ErrnoException extends RuntimeException {
    private static final ErrnoException[] BY_ERRNO = new ErrnoException[Errno.NOTCAPABLE + 1];

    private final int errno;

    private ErrnoException(int errno) {
        super(null, null, false, false);
        this.errno = errno;
    }

    /** The errno's name ("ENOENT"), made when asked: the JS build makes all 76 exceptions up front. */
    @Override
    public String getMessage() {
        return Errno.name(errno);
    }

    /** The exception for {@code errno}, one of {@link Errno}'s codes. */
    public static ErrnoException of(int errno) {
        if (errno < 0 || errno >= BY_ERRNO.length) {
            throw new IllegalArgumentException("not a WASI errno: " + errno);
        }
        ErrnoException shared = BY_ERRNO[errno];
        if (shared == null) {
            shared = new ErrnoException(errno);
            BY_ERRNO[errno] = shared;
        }
        return shared;
    }

    public int errno() {
        return errno;
    }
}

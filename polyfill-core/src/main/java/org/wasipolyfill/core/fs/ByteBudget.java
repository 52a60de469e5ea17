package org.wasipolyfill.core.fs;

import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.ErrnoException;

/**
 * What the files of one MemFS may hold, together ({@code maxBytes}, ENOSPC past it) and each
 * ({@code maxFileSize}, EFBIG past it), and what they hold now: jimfs's HeapDisk. A size counts
 * whole, holes included, so the tree never promises memory it may not get.
 */
public final class ByteBudget {
    private final long maxBytes;
    private final long maxFileSize;
    private long usedBytes;

    ByteBudget(long maxBytes, long maxFileSize) {
        this.maxBytes = maxBytes;
        this.maxFileSize = Math.min(maxFileSize, FileData.MAX_SIZE);
    }

    /** The sizes of the files that still have a name or an open descriptor, together. */
    public long usedBytes() {
        return usedBytes;
    }

    long maxFileSize() {
        return maxFileSize;
    }

    /** A file growing to {@code newLength}, {@code more} bytes more than now: EFBIG or ENOSPC if it may not. */
    void checkGrowth(long newLength, long more) {
        if (newLength > maxFileSize) {
            throw ErrnoException.of(Errno.FBIG);
        }
        if (more > maxBytes - usedBytes) {
            throw ErrnoException.of(Errno.NOSPC);
        }
    }

    /** A whole tree of {@code total} bytes replacing the one there: ENOSPC if it could never fit. */
    void checkTree(long total) {
        if (total > maxBytes) {
            throw ErrnoException.of(Errno.NOSPC);
        }
    }

    void count(long change) {
        usedBytes += change;
    }
}

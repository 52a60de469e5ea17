package org.wasipolyfill.core.fd;

import org.wasipolyfill.core.IoVecs;
import org.wasipolyfill.core.OutputSink;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.Rights;
import org.wasipolyfill.core.fs.FsException;

/** fd 1 and 2: bytes handed to a host sink, one call per fd_write; a character device. */
public final class OutputDescriptor extends StreamDescriptor {
    private static final long RIGHTS = Rights.FD_WRITE | Rights.FD_FDSTAT_SET_FLAGS
            | Rights.FD_FILESTAT_GET | Rights.POLL_FD_READWRITE;

    private final OutputSink sink;
    private byte[] buffer = new byte[4096];

    public OutputDescriptor(OutputSink sink) {
        super(RIGHTS);
        this.sink = sink;
    }

    /** Gathers all iovecs so the host sees what one writev wrote as one chunk. */
    @Override
    public long write(IoVecs iovs) {
        long total = iovs.checkedTotal();
        if (total == 0) {
            return 0;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new FsException(Errno.INVAL);
        }
        if (buffer.length < total) {
            buffer = new byte[(int) Math.max(total, buffer.length * 2L)];
        }
        int at = 0;
        for (int i = 0; i < iovs.count(); i++) {
            int length = iovs.length(i);
            iovs.memory().read(iovs.buffer(i), buffer, at, length);
            at += length;
        }
        sink.write(buffer, 0, at);
        return total;
    }

}

package org.wasipolyfill.core.fd;

import org.wasipolyfill.core.IoVecs;
import org.wasipolyfill.core.OutputSink;
import org.wasipolyfill.core.abi.Rights;

/** fd 1 and 2: bytes handed to a host sink, one call per fd_write; a character device. */
public final class OutputDescriptor extends StreamDescriptor {
    private static final int RIGHTS = Rights.FD_WRITE | Rights.FD_FDSTAT_SET_FLAGS
            | Rights.FD_FILESTAT_GET | Rights.POLL_FD_READWRITE;

    private final OutputSink sink;

    public OutputDescriptor(OutputSink sink) {
        super(RIGHTS);
        this.sink = sink;
    }

    /** The sink sees what one writev wrote as one chunk. */
    @Override
    public int write(IoVecs iovs) {
        int total = iovs.checkedTotal();
        if (total > 0) {
            sink.write(iovs, total);
        }
        return total;
    }

}

package org.wasipolyfill.core.fd;

import org.wasipolyfill.core.InputSource;
import org.wasipolyfill.core.IoVecs;
import org.wasipolyfill.core.Pending;
import org.wasipolyfill.core.abi.Rights;

/** fd 0: bytes pulled from the host; a character device that cannot seek. */
public final class StdinDescriptor extends StreamDescriptor {
    private static final int RIGHTS = Rights.FD_READ | Rights.FD_FDSTAT_SET_FLAGS
            | Rights.FD_FILESTAT_GET | Rights.POLL_FD_READWRITE;

    private final InputSource source;
    private static final byte[] NONE = new byte[0];

    private byte[] buffer = NONE;

    public StdinDescriptor(InputSource source) {
        super(RIGHTS);
        this.source = source;
    }

    /** Fills the iovecs in order, stopping at the first short read so a read never waits twice. */
    @Override
    public int read(IoVecs iovs) {
        iovs.checkedTotal();
        int total = 0;
        for (int i = 0; i < iovs.count(); i++) {
            int length = iovs.length(i);
            if (length == 0) {
                continue;
            }
            if (total > 0 && source.pending() != null) {
                break; // what was buffered is used up; the next bytes are for the next read
            }
            if (buffer.length < length) {
                buffer = new byte[Math.min(Math.max(length, 4096), 1 << 20)];
            }
            int n = source.read(buffer, 0, Math.min(length, buffer.length));
            if (n <= 0) {
                break;
            }
            iovs.memory().write(iovs.buffer(i), buffer, 0, n);
            total += n;
            if (n < length) {
                break;
            }
        }
        return total;
    }

    @Override
    public Pending readPending() {
        return source.pending();
    }

    @Override
    public long readableBytes() {
        return source.buffered();
    }
}

package org.wasipolyfill.core;

import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.Layout;
import org.wasipolyfill.core.abi.ErrnoException;
import org.wasipolyfill.core.memory.GuestMemory;

/**
 * A guest's iovec or ciovec array, decoded on demand. One instance is reused for every call, so
 * vectored I/O allocates nothing; the array itself is bounds-checked when it is pointed at.
 */
public final class IoVecs {
    private GuestMemory memory;
    private int address;
    private int count;

    IoVecs at(GuestMemory guestMemory, int iovs, int iovsLen) {
        if (iovsLen >>> 28 == 0) {
            guestMemory.checkRange(iovs, iovsLen * Layout.IOVEC_SIZE);
        } else {
            guestMemory.checkRange(iovs, Integer.toUnsignedLong(iovsLen) * Layout.IOVEC_SIZE);
        }
        this.memory = guestMemory;
        this.address = iovs;
        this.count = iovsLen;
        return this;
    }

    public GuestMemory memory() {
        return memory;
    }

    public int count() {
        return count;
    }

    public int buffer(int index) {
        return memory.readI32(address + index * Layout.IOVEC_SIZE + Layout.IOVEC_BUF);
    }

    public int length(int index) {
        return memory.readI32(address + index * Layout.IOVEC_SIZE + Layout.IOVEC_BUF_LEN);
    }

    /** Copies the bytes of every buffer, one after the other, into {@code target} from {@code offset} on. */
    public void gather(byte[] target, int offset) {
        int at = offset;
        for (int i = 0; i < count; i++) {
            int length = length(i);
            memory.read(buffer(i), target, at, length);
            at += length;
        }
    }

    /**
     * The total length, after checking that every buffer lies inside guest memory. A total beyond
     * what a wasm32 {@code ssize_t} can report is EINVAL, as for POSIX {@code readv}/{@code writev}.
     */
    public int checkedTotal() {
        int total = 0;
        for (int i = 0; i < count; i++) {
            int length = length(i);
            memory.checkRange(buffer(i), length);
            total += length;
            if (length < 0 || total < 0) {
                throw ErrnoException.of(Errno.INVAL);
            }
        }
        return total;
    }
}

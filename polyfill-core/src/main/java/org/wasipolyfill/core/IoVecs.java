package org.wasipolyfill.core;

import org.wasipolyfill.core.abi.Layout;
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
        guestMemory.checkRange(iovs, (long) iovsLen * Layout.IOVEC_SIZE);
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

    /** The total length, after checking that every buffer lies inside guest memory. */
    public long checkedTotal() {
        long total = 0;
        for (int i = 0; i < count; i++) {
            int length = length(i);
            memory.checkRange(buffer(i), Integer.toUnsignedLong(length));
            total += Integer.toUnsignedLong(length);
        }
        return total;
    }
}

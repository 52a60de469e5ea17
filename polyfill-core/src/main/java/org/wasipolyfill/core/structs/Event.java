package org.wasipolyfill.core.structs;

import org.wasipolyfill.core.abi.Layout;
import org.wasipolyfill.core.memory.GuestMemory;

/**
 * {@code event}: the subscription's userdata, an errno, the event type and, for fd events,
 * {@code event_fd_readwrite} (nbytes, flags); a clock event's fd fields are zero. Snapshot 0 lays
 * it out the same way.
 */
public final class Event {
    private Event() {}

    /** The event at {@code event} answering the subscription at {@code subscription}. */
    public static void write(GuestMemory memory, int event, int subscription, int errno, int type, long nbytes,
            int flags) {
        memory.writeI64(event + Layout.EVENT_USERDATA, memory.readI64(subscription + Layout.SUBSCRIPTION_USERDATA));
        memory.writeU16(event + Layout.EVENT_ERROR, errno);
        memory.writeU8(event + Layout.EVENT_TYPE, type);
        memory.fill(event + Layout.EVENT_TYPE + 1, Layout.EVENT_FD_NBYTES - Layout.EVENT_TYPE - 1);
        memory.writeI64(event + Layout.EVENT_FD_NBYTES, nbytes);
        memory.fill(event + Layout.EVENT_FD_FLAGS, Layout.EVENT_SIZE - Layout.EVENT_FD_FLAGS);
        memory.writeU16(event + Layout.EVENT_FD_FLAGS, flags);
    }
}

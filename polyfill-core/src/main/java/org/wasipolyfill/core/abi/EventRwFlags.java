package org.wasipolyfill.core.abi;

/** witx {@code eventrwflags} (u16): the state of an fd_read/fd_write event. */
public final class EventRwFlags {
    private EventRwFlags() {}

    public static final int FD_READWRITE_HANGUP = 1;
}

package org.wasipolyfill.core.abi;

/** witx {@code eventtype} (u8): what a poll_oneoff subscription waits for. */
public final class EventType {
    private EventType() {}

    public static final int CLOCK = 0;
    public static final int FD_READ = 1;
    public static final int FD_WRITE = 2;
}

package org.wasipolyfill.core.abi;

/** witx {@code clockid} (u32): the clocks a guest can read. */
public final class ClockId {
    private ClockId() {}

    public static final int REALTIME = 0;
    public static final int MONOTONIC = 1;
    public static final int PROCESS_CPUTIME_ID = 2;
    public static final int THREAD_CPUTIME_ID = 3;
}

package org.wasipolyfill.core;

import org.wasipolyfill.core.memory.GuestMemory;

/** The time sources behind {@code clock_time_get}, {@code clock_res_get} and {@code poll_oneoff}. */
public interface WasiClock {
    /** Nanoseconds since the Unix epoch. */
    long realtimeNanos();

    /** Nanoseconds since an arbitrary origin; never decreases. */
    long monotonicNanos();

    /**
     * Stores {@link #monotonicNanos()} at {@code address} as a u64, for {@code clock_time_get}. A
     * host whose {@code long} is costly (in TeaVM's JS it is a BigInt) may write the two halves
     * itself; a bad address traps before anything is written.
     */
    default void writeMonotonicNanos(GuestMemory memory, int address) {
        memory.writeI64(address, monotonicNanos());
    }

    /** The real granularity of {@link #realtimeNanos()}. */
    long realtimeResolutionNanos();

    /** The real granularity of {@link #monotonicNanos()}. */
    long monotonicResolutionNanos();

    /** Blocks the calling thread for about {@code nanos}, without spinning where the host can. */
    void sleep(long nanos);
}

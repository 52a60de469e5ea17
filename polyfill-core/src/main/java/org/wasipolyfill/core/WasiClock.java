package org.wasipolyfill.core;

/** The time sources behind {@code clock_time_get}, {@code clock_res_get} and {@code poll_oneoff}. */
public interface WasiClock {
    /** Nanoseconds since the Unix epoch. */
    long realtimeNanos();

    /** Nanoseconds since an arbitrary origin; never decreases. */
    long monotonicNanos();

    /** The real granularity of {@link #realtimeNanos()}. */
    long realtimeResolutionNanos();

    /** The real granularity of {@link #monotonicNanos()}. */
    long monotonicResolutionNanos();

    /** Blocks the calling thread for about {@code nanos}, without spinning where the host can. */
    void sleep(long nanos);
}

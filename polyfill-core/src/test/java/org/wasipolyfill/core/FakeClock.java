package org.wasipolyfill.core;

/** A clock that moves only when read (1 µs a read) or slept on: runs are deterministic. */
public final class FakeClock implements WasiClock {
    private long monotonic = 1_000_000_000L;
    private final long epochOffset = 1_700_000_000_000_000_000L;

    @Override
    public long realtimeNanos() {
        return epochOffset + tick();
    }

    @Override
    public long monotonicNanos() {
        return tick();
    }

    @Override
    public long realtimeResolutionNanos() {
        return 1_000;
    }

    @Override
    public long monotonicResolutionNanos() {
        return 1_000;
    }

    @Override
    public void sleep(long nanos) {
        monotonic += nanos;
    }

    private long tick() {
        monotonic += 1_000;
        return monotonic;
    }
}

package org.wasipolyfill.js.host;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSBodyImport;
import org.wasipolyfill.core.WasiClock;
import org.wasipolyfill.core.memory.GuestMemory;
import org.wasipolyfill.js.interop.JsModules;

/**
 * The WASI clocks over the host's timers.
 *
 * <p>Monotonic time is {@code performance.now()}. Real time is {@code performance.timeOrigin +
 * performance.now()} where both exist, which gives sub-millisecond precision, else
 * {@code Date.now()}. Browsers coarsen {@code performance.now()} (5 µs when cross-origin
 * isolated, 100 µs or 1 ms otherwise), so the resolutions are measured once, on first use, as the
 * smallest step the timer is seen to take rather than claimed.
 */
public final class JsClock implements WasiClock {
    public static final JsClock INSTANCE = new JsClock();

    private static final double NANOS_PER_MILLI = 1_000_000.0;
    private static final long MILLISECOND_NANOS = 1_000_000L;
    private static final double U32_RANGE = 4294967296.0;
    /** 2^53: below it a double holds every integer, so nanoseconds split into exact u32 halves. */
    private static final double EXACT_INTEGERS = 9007199254740992.0;

    private final boolean precise = hasPerformanceTimeOrigin();
    /** Read once: the getter is slow and the origin never changes within a page or process. */
    private final double timeOrigin = precise ? performanceTimeOrigin() : 0;
    /**
     * {@link #timeOrigin} in nanoseconds, converted once: epoch nanoseconds exceed 2^53, which makes
     * each conversion several BigInt operations, while {@code performance.now()} in nanoseconds
     * converts in one. Adding the two also keeps the fraction that a double sum of the epoch
     * milliseconds would round away (its unit in the last place is about 0.2 us).
     */
    private final long originNanos = toNanos(timeOrigin);
    private final Sleeper sleeper = new Sleeper();
    private long measuredResolution;

    private JsClock() {}

    @Override
    public long realtimeNanos() {
        return precise ? originNanos + toNanos(performanceNow()) : toNanos(dateNow());
    }

    @Override
    public long monotonicNanos() {
        return toNanos(precise ? performanceNow() : dateNow());
    }

    /**
     * As {@link #monotonicNanos()}, written as two u32 halves computed in double: no BigInt for the
     * most frequent clock read (timing loops). Only a clock past 2^53 ns (the {@code Date.now()}
     * fallback) takes the long path.
     */
    @Override
    public void writeMonotonicNanos(GuestMemory memory, int address) {
        double ms = precise ? performanceNow() : dateNow();
        double nanos = Math.floor(ms * NANOS_PER_MILLI);
        if (nanos >= EXACT_INTEGERS) {
            memory.writeI64(address, toNanos(ms));
            return;
        }
        double high = Math.floor(nanos / U32_RANGE);
        double low = nanos - high * U32_RANGE;
        memory.checkRange(address, 8);
        memory.writeI32(address, (int) (low >= U32_RANGE / 2 ? low - U32_RANGE : low));
        memory.writeI32(address + 4, (int) high);
    }

    @Override
    public long realtimeResolutionNanos() {
        return precise ? timerResolution() : MILLISECOND_NANOS;
    }

    @Override
    public long monotonicResolutionNanos() {
        return precise ? timerResolution() : MILLISECOND_NANOS;
    }

    @Override
    public void sleep(long nanos) {
        if (nanos > 0) {
            sleeper.sleepMillis(nanos / NANOS_PER_MILLI);
        }
    }

    private long timerResolution() {
        if (measuredResolution == 0) {
            measuredResolution = Math.max(1L, toNanos(smallestPerformanceStep()));
        }
        return measuredResolution;
    }

    /**
     * Nanoseconds, truncated, as the BigInt a Java long is in TeaVM's output, built in one step:
     * Java long arithmetic on a double would cost several BigInt operations per clock read. Below
     * 2^53 ns (104 days, always the case for {@code performance.now()}) the product is exact
     * enough; above, whole milliseconds and the fraction are converted apart so the fraction keeps
     * its precision. One expression, because TeaVM wraps a script with statements in a function
     * created on every call.
     */
    @JSBody(params = "ms", script = "return ms < 9007199254.740992 ? BigInt(Math.floor(ms * 1e6))"
            + " : BigInt(Math.floor(ms)) * 1000000n + BigInt(Math.floor((ms - Math.floor(ms)) * 1e6));")
    private static native long toNanos(double ms);

    @JSBody(script = "return typeof performance === 'object' && performance !== null"
            + " && typeof performance.now === 'function' && typeof performance.timeOrigin === 'number';")
    private static native boolean hasPerformanceTimeOrigin();

    @JSBody(script = "return performance.now();")
    private static native double performanceNow();

    @JSBody(script = "return performance.timeOrigin;")
    private static native double performanceTimeOrigin();

    @JSBody(script = "return Date.now();")
    private static native double dateNow();

    /** The smallest nonzero step of {@code performance.now()} over a few ticks (src/main/core/host/clock.mjs). */
    @JSBody(script = "return clock.smallestStep();", imports = @JSBodyImport(alias = "clock", fromModule = JsModules.CLOCK))
    private static native double smallestPerformanceStep();
}

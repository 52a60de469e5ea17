package org.wasipolyfill.core;

import java.util.List;
import java.util.Objects;
import org.wasipolyfill.core.fs.MemFs;

/** Everything one WASI instance is handed: immutable once built. */
public final class WasiConfig {

    /** A directory of the MemFS handed to the guest as a preopened descriptor named {@code guestPath}. */
    public record Preopen(String guestPath, String fsPath) {
        public Preopen {
            Objects.requireNonNull(guestPath, "guestPath");
            Objects.requireNonNull(fsPath, "fsPath");
        }
    }

    private static final byte[][] NO_STRINGS = {};
    private static final Preopen[] NO_PREOPENS = {};

    private final byte[][] args;
    private final byte[][] env;
    private final MemFs fs;
    private final Preopen[] preopens;
    private final InputSource stdin;
    private final OutputSink stdout;
    private final OutputSink stderr;
    private final WasiClock clock;
    private final RandomSource random;

    private WasiConfig(Builder b) {
        this.args = b.argCount == b.args.length ? b.args : exact(b.args, new byte[b.argCount][]);
        this.env = b.envCount == b.env.length ? b.env : exact(b.env, new byte[b.envCount][]);
        this.clock = Objects.requireNonNull(b.clock, "a clock is required");
        this.random = Objects.requireNonNull(b.random, "a random source is required");
        this.fs = b.fs != null ? b.fs : new MemFs(clock);
        this.preopens = b.preopenCount == b.preopens.length ? b.preopens
                : exact(b.preopens, new Preopen[b.preopenCount]);
        this.stdin = b.stdin;
        this.stdout = b.stdout;
        this.stderr = b.stderr;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The arguments as the guest sees them, each UTF-8 without its NUL; the syscall layer only reads it. */
    byte[][] argArray() {
        return args;
    }

    /** The environment as {@code KEY=VALUE} byte strings, in the order given; only read. */
    byte[][] envArray() {
        return env;
    }

    /** {@link #preopens()} without a copy, for the syscall layer, which only reads it. */
    Preopen[] preopenArray() {
        return preopens;
    }

    public MemFs fs() {
        return fs;
    }

    public List<Preopen> preopens() {
        return List.of(preopens);
    }

    public InputSource stdin() {
        return stdin;
    }

    public OutputSink stdout() {
        return stdout;
    }

    public OutputSink stderr() {
        return stderr;
    }

    public WasiClock clock() {
        return clock;
    }

    public RandomSource random() {
        return random;
    }

    /**
     * The first {@code exact.length} elements of {@code grown}, copied. A builder's full array is
     * taken as it is: the builder grows a new one before its next add, so the config's stays
     * untouched. Arrays, not lists: a WASI is made per guest run, and in TeaVM's output every
     * list, iterator and immutable copy is more objects and calls.
     */
    private static <T> T[] exact(T[] grown, T[] exact) {
        return copyInto(grown, exact, exact.length);
    }

    /**
     * A loop, not System.arraycopy or Arrays.copyOf: for these few elements TeaVM's arraycopy
     * costs more than the copy, and its copyOf of an object array goes through reflection.
     */
    private static <T> T[] copyInto(T[] from, T[] to, int count) {
        for (int i = 0; i < count; i++) {
            to[i] = from[i];
        }
        return to;
    }

    public static final class Builder {
        private byte[][] args = NO_STRINGS;
        private int argCount;
        private byte[][] env = NO_STRINGS;
        private int envCount;
        private Preopen[] preopens = NO_PREOPENS;
        private int preopenCount;
        private MemFs fs;
        private InputSource stdin = InputSource.EMPTY;
        private OutputSink stdout = OutputSink.DISCARD;
        private OutputSink stderr = OutputSink.DISCARD;
        private WasiClock clock;
        private RandomSource random;

        private Builder() {}

        public Builder arg(String arg) {
            if (argCount == args.length) {
                args = grown(args, new byte[argCount * 2 + 1][]);
            }
            args[argCount++] = Utf8.encode(arg);
            return this;
        }

        public Builder args(List<String> values) {
            values.forEach(this::arg);
            return this;
        }

        public Builder env(String key, String value) {
            if (envCount == env.length) {
                env = grown(env, new byte[envCount * 2 + 1][]);
            }
            env[envCount++] = Utf8.encode(key + "=" + value);
            return this;
        }

        public Builder fs(MemFs value) {
            this.fs = value;
            return this;
        }

        public Builder preopen(String guestPath, String fsPath) {
            if (preopenCount == preopens.length) {
                preopens = grown(preopens, new Preopen[preopenCount * 2 + 1]);
            }
            preopens[preopenCount++] = new Preopen(guestPath, fsPath);
            return this;
        }
        public Builder stdin(InputSource value) {
            this.stdin = Objects.requireNonNull(value);
            return this;
        }

        public Builder stdout(OutputSink value) {
            this.stdout = Objects.requireNonNull(value);
            return this;
        }

        public Builder stderr(OutputSink value) {
            this.stderr = Objects.requireNonNull(value);
            return this;
        }

        public Builder clock(WasiClock value) {
            this.clock = value;
            return this;
        }

        public Builder random(RandomSource value) {
            this.random = value;
            return this;
        }

        public WasiConfig build() {
            return new WasiConfig(this);
        }

        private static <T> T[] grown(T[] full, T[] larger) {
            return copyInto(full, larger, full.length);
        }
    }
}

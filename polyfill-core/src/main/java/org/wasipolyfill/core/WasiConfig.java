package org.wasipolyfill.core;

import java.util.ArrayList;
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

    private final List<byte[]> args;
    private final List<byte[]> env;
    private final MemFs fs;
    private final List<Preopen> preopens;
    private final InputSource stdin;
    private final OutputSink stdout;
    private final OutputSink stderr;
    private final WasiClock clock;
    private final RandomSource random;

    private WasiConfig(Builder b) {
        this.args = List.copyOf(b.args);
        this.env = List.copyOf(b.env);
        this.clock = Objects.requireNonNull(b.clock, "a clock is required");
        this.random = Objects.requireNonNull(b.random, "a random source is required");
        this.fs = b.fs != null ? b.fs : new MemFs(clock);
        this.preopens = List.copyOf(b.preopens);
        this.stdin = b.stdin;
        this.stdout = b.stdout;
        this.stderr = b.stderr;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The arguments as the guest sees them, each UTF-8 without its NUL. */
    public List<byte[]> args() {
        return args;
    }

    /** The environment as {@code KEY=VALUE} byte strings, in the order given. */
    public List<byte[]> env() {
        return env;
    }

    public MemFs fs() {
        return fs;
    }

    public List<Preopen> preopens() {
        return preopens;
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

    public static final class Builder {
        private final List<byte[]> args = new ArrayList<>();
        private final List<byte[]> env = new ArrayList<>();
        private final List<Preopen> preopens = new ArrayList<>();
        private MemFs fs;
        private InputSource stdin = InputSource.EMPTY;
        private OutputSink stdout = OutputSink.DISCARD;
        private OutputSink stderr = OutputSink.DISCARD;
        private WasiClock clock;
        private RandomSource random;

        private Builder() {}

        public Builder arg(String arg) {
            args.add(Utf8.encode(arg));
            return this;
        }

        public Builder args(List<String> values) {
            values.forEach(this::arg);
            return this;
        }

        public Builder env(String key, String value) {
            env.add(Utf8.encode(key + "=" + value));
            return this;
        }

        public Builder fs(MemFs value) {
            this.fs = value;
            return this;
        }

        public Builder preopen(String guestPath, String fsPath) {
            preopens.add(new Preopen(guestPath, fsPath));
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
    }
}

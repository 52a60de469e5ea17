package org.wasipolyfill.core;

import java.util.List;
import java.util.Objects;
import org.wasipolyfill.core.fs.DirectoryNode;
import org.wasipolyfill.core.fs.MemFs;

/**
 * Everything one WASI instance is handed: immutable once built. Strings are held as the UTF-8
 * bytes the guest reads, and each preopen as the directory itself, looked up once when built.
 *
 * <p>The builder copies every array and list it is given, so nothing the caller does with them
 * afterwards reaches a config. A config may share the builder's own arrays: the builder never
 * writes into an array again once it is full, and a built config's arrays are exactly full.
 */
public final class WasiConfig {
    private static final byte[][] NO_STRINGS = {};
    private static final DirectoryNode[] NO_DIRECTORIES = {};
    /** The default limit on open descriptors, Linux's usual soft RLIMIT_NOFILE. */
    public static final int DEFAULT_MAX_OPEN_FILES = 1024;

    private final byte[][] args;
    private final byte[][] env;
    private final MemFs fs;
    private final byte[][] preopenNames;
    private final DirectoryNode[] preopenDirectories;
    /** Which preopens are read-only, by index; null when none is. */
    private final boolean[] preopenReadOnly;
    private final int maxOpenFiles;
    private final InputSource stdin;
    private final OutputSink stdout;
    private final OutputSink stderr;
    private final WasiClock clock;
    private final RandomSource random;

    private WasiConfig(Builder b) {
        this.args = b.argCount == b.args.length ? b.args : copyInto(b.args, new byte[b.argCount][], b.argCount);
        this.env = b.envCount == b.env.length ? b.env : copyInto(b.env, new byte[b.envCount][], b.envCount);
        this.clock = Objects.requireNonNull(b.clock, "a clock is required");
        this.random = Objects.requireNonNull(b.random, "a random source is required");
        this.fs = b.fs != null ? b.fs : new MemFs(clock);
        int preopens = b.preopenCount;
        if (b.preopenPaths == null && preopens == b.preopenNames.length) {
            this.preopenNames = b.preopenNames;
            this.preopenDirectories = b.preopenDirectories;
        } else {
            this.preopenNames = copyInto(b.preopenNames, new byte[preopens][], preopens);
            this.preopenDirectories = copyInto(b.preopenDirectories, new DirectoryNode[preopens], preopens);
            for (int i = 0; i < preopens; i++) {
                if (preopenDirectories[i] == null) {
                    preopenDirectories[i] = fs.directory(b.preopenPaths[i]);
                }
            }
        }
        this.preopenReadOnly = b.preopenReadOnly;
        this.maxOpenFiles = b.maxOpenFiles;
        this.stdin = b.stdin;
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        if (stdin == null || stdout == null || stderr == null) {
            throw new NullPointerException("stdin, stdout and stderr are required");
        }
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

    /** The preopens' guest names, in fd order from 3; only read. */
    byte[][] preopenNames() {
        return preopenNames;
    }

    /** The preopens' directories, in the order of {@link #preopenNames()}; only read. */
    DirectoryNode[] preopenDirectories() {
        return preopenDirectories;
    }

    /** Which preopens are read-only, by index (possibly longer than the preopens); null when none is. */
    boolean[] preopenReadOnly() {
        return preopenReadOnly;
    }

    /** No descriptor is placed at this fd or above: the guest gets EMFILE. */
    public int maxOpenFiles() {
        return maxOpenFiles;
    }

    public MemFs fs() {
        return fs;
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
     * A loop, not System.arraycopy or Arrays.copyOf: for these few elements TeaVM's arraycopy
     * costs more than the copy, and its copyOf of an object array goes through reflection. Arrays,
     * not lists: a WASI is made per guest run, and in TeaVM's output every list, iterator and
     * immutable copy is more objects and calls.
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
        private byte[][] preopenNames = NO_STRINGS;
        private DirectoryNode[] preopenDirectories = NO_DIRECTORIES;
        /** The MemFS paths of preopens given by path, to look up when built; null until there is one. */
        private String[] preopenPaths;
        private boolean[] preopenReadOnly;
        private int preopenCount;
        private int maxOpenFiles = DEFAULT_MAX_OPEN_FILES;
        private MemFs fs;
        private InputSource stdin = InputSource.EMPTY;
        private OutputSink stdout = OutputSink.DISCARD;
        private OutputSink stderr = OutputSink.DISCARD;
        private WasiClock clock;
        private RandomSource random;

        private Builder() {}

        public Builder arg(String arg) {
            return addArg(Utf8.encode(arg));
        }

        /** An argument as its UTF-8 bytes, without a NUL; the builder copies them. */
        public Builder arg(byte[] utf8) {
            return addArg(utf8.clone());
        }

        /** Replaces the arguments given so far with these, each as its UTF-8 bytes without a NUL (copied). */
        public Builder args(byte[][] utf8) {
            args = new byte[utf8.length][];
            argCount = 0;
            for (byte[] arg : utf8) {
                arg(arg);
            }
            return this;
        }

        /** Replaces the arguments given so far with these, as {@link #args(byte[][])} does. */
        public Builder args(List<String> values) {
            args = new byte[values.size()][];
            argCount = 0;
            values.forEach(this::arg);
            return this;
        }

        private Builder addArg(byte[] utf8) {
            if (argCount == args.length) {
                args = grown(args, new byte[argCount * 2 + 1][]);
            }
            args[argCount++] = utf8;
            return this;
        }

        public Builder env(String key, String value) {
            return addEnv(Utf8.encode(key + "=" + value));
        }

        /** A variable as the UTF-8 bytes of {@code KEY=VALUE}, without a NUL; the builder copies them. */
        public Builder env(byte[] keyEqualsValue) {
            return addEnv(keyEqualsValue.clone());
        }

        private Builder addEnv(byte[] keyEqualsValue) {
            if (envCount == env.length) {
                env = grown(env, new byte[envCount * 2 + 1][]);
            }
            env[envCount++] = keyEqualsValue;
            return this;
        }

        public Builder fs(MemFs value) {
            this.fs = value;
            return this;
        }

        /**
         * Hands the guest the MemFS directory at {@code fsPath} as a preopen named {@code guestPath};
         * {@link #build()} looks it up, and fails with the ErrnoException if it is not a directory.
         */
        public Builder preopen(String guestPath, String fsPath) {
            return preopen(Utf8.encode(guestPath), null, Objects.requireNonNull(fsPath, "fsPath"));
        }

        /**
         * As {@link #preopen(String, String)}, but the guest may only read through it: a change is
         * EPERM, as in Wasmtime, and its rights and all it hands down lack every right that changes
         * a file or a directory.
         */
        public Builder readOnlyPreopen(String guestPath, String fsPath) {
            preopen(guestPath, fsPath);
            boolean[] readOnly = new boolean[preopenCount];
            for (int i = 0; preopenReadOnly != null && i < preopenReadOnly.length; i++) {
                readOnly[i] = preopenReadOnly[i];
            }
            readOnly[preopenCount - 1] = true;
            return readOnly(readOnly);
        }

        /**
         * Makes the preopens given so far read-only where {@code readOnly[i]} (the preopen given
         * {@code i}-th, from 0), and the others writable; the builder copies the array.
         */
        public Builder readOnly(boolean[] readOnly) {
            preopenReadOnly = readOnly.clone();
            return this;
        }

        /** No descriptor is placed at this fd or above (EMFILE); stdio and the preopens count. */
        public Builder maxOpenFiles(int value) {
            this.maxOpenFiles = value;
            return this;
        }

        /**
         * Hands the guest {@code directories[i]}, directories of this config's MemFS, as preopens
         * named {@code guestPaths[i]}, after any given before; the builder copies both arrays.
         */
        public Builder preopens(byte[][] guestPaths, DirectoryNode[] directories) {
            if (guestPaths.length != directories.length) {
                throw new IllegalArgumentException("one guest path per directory");
            }
            for (int i = 0; i < directories.length; i++) {
                if (guestPaths[i] == null || directories[i] == null) {
                    throw new NullPointerException("preopen " + i + " has no guest path or directory");
                }
            }
            reservePreopens(preopenCount + guestPaths.length);
            for (int i = 0; i < guestPaths.length; i++) {
                preopen(guestPaths[i].clone(), directories[i], null);
            }
            return this;
        }

        private Builder preopen(byte[] guestPath, DirectoryNode directory, String fsPath) {
            if (preopenCount == preopenNames.length) {
                reservePreopens(preopenCount * 2 + 1);
            }
            if (fsPath != null && preopenPaths == null) {
                preopenPaths = new String[preopenNames.length];
            }
            preopenNames[preopenCount] = guestPath;
            preopenDirectories[preopenCount] = directory;
            if (preopenPaths != null) {
                preopenPaths[preopenCount] = fsPath;
            }
            preopenCount++;
            return this;
        }

        private void reservePreopens(int capacity) {
            if (capacity > preopenNames.length) {
                preopenNames = grown(preopenNames, new byte[capacity][]);
                preopenDirectories = grown(preopenDirectories, new DirectoryNode[capacity]);
                if (preopenPaths != null) {
                    preopenPaths = grown(preopenPaths, new String[capacity]);
                }
            }
        }

        public Builder stdin(InputSource value) {
            this.stdin = value;
            return this;
        }

        public Builder stdout(OutputSink value) {
            this.stdout = value;
            return this;
        }

        public Builder stderr(OutputSink value) {
            this.stderr = value;
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

        /** The config; fails with an ErrnoException when a preopen's path names no directory. */
        public WasiConfig build() {
            return new WasiConfig(this);
        }

        private static <T> T[] grown(T[] full, T[] larger) {
            return copyInto(full, larger, full.length);
        }
    }
}

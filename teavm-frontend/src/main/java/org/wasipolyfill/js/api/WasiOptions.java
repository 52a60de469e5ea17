package org.wasipolyfill.js.api;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.OutputSink;
import org.wasipolyfill.core.Preview1;
import org.wasipolyfill.core.WasiConfig;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.fs.DirectoryNode;
import org.wasipolyfill.core.abi.ErrnoException;
import org.wasipolyfill.core.fs.MemFs;
import org.wasipolyfill.js.host.AsyncInput;
import org.wasipolyfill.js.host.BytesInput;
import org.wasipolyfill.js.host.PullInput;
import org.wasipolyfill.js.host.CallbackSink;
import org.wasipolyfill.js.host.ConsoleSink;
import org.wasipolyfill.js.host.JsClock;
import org.wasipolyfill.js.host.JsRandom;
import org.wasipolyfill.js.imports.ImportTracer;
import org.wasipolyfill.js.interop.Bytes;
import org.wasipolyfill.js.interop.JsErrors;
import org.wasipolyfill.js.interop.JsStrings;
import org.wasipolyfill.js.interop.JsValues;

/**
 * Reads and checks the options bag of {@code new WASI(options)}. Every mistake is a JS
 * {@code TypeError} (or an {@code Error} for a value of the right type that cannot be used) whose
 * message names the option, so a typo fails loudly instead of being ignored:
 *
 * <pre>
 * version       'preview1' (the default) or 'unstable': the namespace getImportObject() and wasiImport
 *               give, wasi_snapshot_preview1 or wasi_unstable (WASI snapshot 0)
 * args          array of strings, argv[0] first
 * env           object of strings
 * fs            a MemFS; without one the guest gets a private empty MemFS
 * preopens      object: guest path -> directory path in the MemFS (without fs it is created), or
 *               -> { path, readOnly } for a preopen the guest can only read
 * maxOpenFiles  number, default 1024: the guest gets EMFILE for an fd at or above it
 * stdin         Uint8Array or string (UTF-8), read to end of file; or a function called for each
 *               next chunk, returning a Uint8Array, a string, or null for end of file; an async
 *               function (its promise gives the chunk) or a ReadableStream turns on async mode
 * async         boolean: async mode (JSPI), on by default for an async stdin; true turns it on for
 *               any stdin; false with an async stdin is a TypeError
 * stdout/stderr function(chunk: Uint8Array); default: console.log / console.error per line
 * returnOnExit  boolean, default true: proc_exit makes start() return the code; with false,
 *               start() throws an Error named WASIExitError whose code is the exit code
 * trace         function(call), called after each import call with its decoded arguments and errno
 *               (see ImportTracer); true logs each call to console.log; default off
 * </pre>
 */
final class WasiOptions {
    private static final String[] KNOWN = { "version", "args", "env", "fs", "preopens", "stdin", "stdout",
        "stderr", "returnOnExit", "maxOpenFiles", "async", "trace" };
    private static final JSObject KNOWN_JS = JsValues.toJsArray(KNOWN);

    final WasiConfig config;
    final boolean returnOnExit;
    /** version: 'unstable'. */
    final boolean unstable;
    /** The MemFS the guest sees. */
    final JsMemFs fs;
    /** Async mode: fd_read and poll_oneoff suspend the guest (JSPI) instead of blocking. */
    final boolean async;
    /** trace: the function each import call is reported to, or null. */
    final JSObject trace;

    private WasiOptions(WasiConfig config, boolean returnOnExit, boolean unstable, JsMemFs fs, boolean async,
            JSObject trace) {
        this.async = async;
        this.unstable = unstable;
        this.trace = trace;
        this.fs = fs;
        this.config = config;
        this.returnOnExit = returnOnExit;
    }

    static WasiOptions parse(JSObject options) {
        return parse(options, true);
    }

    /**
     * {@code needsJspi}: false for the kernel of a threaded program, which awaits an async stdin
     * itself (its guest threads block in Workers), so async mode there needs no JSPI.
     */
    static WasiOptions parse(JSObject options, boolean needsJspi) {
        JSObject o = JsValues.isNullish(options) ? JsValues.newObject() : options;
        if (!JsValues.isPlainObject(o)) {
            throw JsErrors.typeError("WASI: options must be an object, got " + JsValues.describe(o));
        }
        String unknown = JsValues.unknownKey(o, KNOWN_JS);
        if (unknown != null) {
            throw JsErrors.typeError("WASI: unknown option '" + unknown + "' (known: " + String.join(", ", KNOWN) + ")");
        }
        boolean unstable = isUnstable(JsValues.get(o, "version"));

        WasiConfig.Builder builder = WasiConfig.builder().clock(JsClock.INSTANCE).random(JsRandom.INSTANCE);
        readArgs(JsValues.get(o, "args"), builder);
        readEnv(JsValues.get(o, "env"), builder);
        JsMemFs fs = readFsAndPreopens(JsValues.get(o, "fs"), JsValues.get(o, "preopens"), builder);
        boolean async = readStdin(JsValues.get(o, "stdin"), JsValues.get(o, "async"), needsJspi, builder);
        builder.stdout(output("stdout", JsValues.get(o, "stdout")));
        builder.stderr(output("stderr", JsValues.get(o, "stderr")));
        boolean returnOnExit = readReturnOnExit(JsValues.get(o, "returnOnExit"));
        builder.maxOpenFiles((int) Math.min(limit(o, "maxOpenFiles", WasiConfig.DEFAULT_MAX_OPEN_FILES,
                "WASI: option 'maxOpenFiles' must be a whole number of at least 1"), Integer.MAX_VALUE));
        return new WasiOptions(builder.build(), returnOnExit, unstable, fs, async, readTrace(JsValues.get(o, "trace")));
    }

    private static JSObject readTrace(JSObject trace) {
        if (JsValues.isUndefined(trace) || JsValues.isBoolean(trace) && !JsValues.asBoolean(trace)) {
            return null;
        }
        if (JsValues.isBoolean(trace)) {
            return ImportTracer.consoleSink();
        }
        if (!JsValues.isFunction(trace)) {
            throw JsErrors.typeError("WASI: option 'trace' must be a boolean or a function taking each call, got "
                    + JsValues.describe(trace));
        }
        return trace;
    }

    private static boolean isUnstable(JSObject version) {
        if (JsValues.isUndefined(version)) {
            return false;
        }
        if (!JsValues.isString(version)) {
            throw JsErrors.typeError("WASI: option 'version' must be a string, got " + JsValues.describe(version));
        }
        String v = JsValues.asString(version);
        if (!v.equals("preview1") && !v.equals("unstable")) {
            throw JsErrors.error("WASI: unsupported version '" + v + "' (supported: 'preview1', 'unstable')");
        }
        return v.equals("unstable");
    }

    private static void readArgs(JSObject args, WasiConfig.Builder builder) {
        if (JsValues.isUndefined(args)) {
            return;
        }
        if (!JsValues.isArray(args)) {
            throw JsErrors.typeError("WASI: option 'args' must be an array of strings, got " + JsValues.describe(args));
        }
        byte[][] utf8 = new byte[JsValues.length(args)][];
        for (int i = 0; i < utf8.length; i++) {
            JSObject arg = JsValues.at(args, i);
            utf8[i] = JsStrings.cString(arg);
            if (utf8[i] == null) {
                throw badCString("args[" + i + "]", arg);
            }
        }
        builder.args(utf8);
    }

    private static void readEnv(JSObject env, WasiConfig.Builder builder) {
        if (JsValues.isUndefined(env)) {
            return;
        }
        if (!JsValues.isPlainObject(env)) {
            throw JsErrors.typeError("WASI: option 'env' must be an object of strings, got " + JsValues.describe(env));
        }
        JSObject names = JsValues.keyArray(env);
        for (int i = 0, n = JsValues.length(names); i < n; i++) {
            JSObject name = JsValues.at(names, i);
            JSObject value = JsValues.get(env, name);
            byte[] entry = JsStrings.envEntry(name, value);
            if (entry == null) {
                throw badEnvEntry(JsValues.asString(name), value);
            }
            builder.env(entry);
        }
    }

    /**
     * The MemFS the guest sees: the one given, or a fresh one holding the preopens' directories.
     * Each preopen's directory is looked up (or made) here, once, and handed to the config.
     */
    private static JsMemFs readFsAndPreopens(JSObject fsOption, JSObject preopens, WasiConfig.Builder builder) {
        JsMemFs jsFs;
        boolean own = JsValues.isUndefined(fsOption);
        if (own) {
            jsFs = new JsMemFs();
        } else if ((Object) fsOption instanceof JsMemFs given) {
            jsFs = given;
        } else {
            throw JsErrors.typeError("WASI: option 'fs' must be a MemFS, got " + JsValues.describe(fsOption));
        }
        MemFs fs = jsFs.memFs();
        builder.fs(fs);
        if (JsValues.isUndefined(preopens)) {
            return jsFs;
        }
        if (!JsValues.isPlainObject(preopens)) {
            throw JsErrors.typeError("WASI: option 'preopens' must be an object mapping guest paths to MemFS paths, got "
                    + JsValues.describe(preopens));
        }
        JSObject guestPaths = JsValues.keyArray(preopens);
        byte[][] names = new byte[JsValues.length(guestPaths)][];
        DirectoryNode[] directories = new DirectoryNode[names.length];
        boolean[] readOnly = new boolean[names.length];
        for (int i = 0; i < names.length; i++) {
            JSObject guestPath = JsValues.at(guestPaths, i);
            JSObject value = JsValues.get(preopens, guestPath);
            if (JsValues.isPlainObject(value)) {
                int flag = JsValues.readOnly(value);
                if (flag < 0) {
                    throw JsErrors.typeError("WASI: a preopen's readOnly must be a boolean");
                }
                readOnly[i] = flag == 1;
                value = JsValues.get(value, "path");
            }
            byte[] fsPath = JsStrings.absolutePath(value);
            names[i] = JsStrings.cString(guestPath);
            if (fsPath == null || names[i] == null) {
                throw badPreopen(JsValues.asString(guestPath), value);
            }
            try {
                directories[i] = own ? fs.mkdir(fsPath, true) : fs.directory(fsPath);
            } catch (ErrnoException e) {
                throw notADirectory(JsValues.asString(guestPath), JsValues.asString(value), e);
            }
        }
        builder.preopens(names, directories).readOnly(readOnly);
        return jsFs;
    }

    /** The limit option {@code name} of {@code options}: a whole number of at least 1, or {@code fallback}. */
    static double limit(JSObject options, String name, double fallback, String wrong) {
        double value = JsValues.limit(JsValues.get(options, name), fallback);
        if (value < 0) {
            throw JsErrors.typeError(wrong);
        }
        return value;
    }

    /** Prints what the default console sinks still hold (a last line without a newline). */
    void flushConsoles() {
        if (config.stdout() instanceof ConsoleSink console) {
            console.flush();
        }
        if (config.stderr() instanceof ConsoleSink console) {
            console.flush();
        }
    }

    /** The syscall layer for these options. */
    Preview1 newPreview1() {
        return new Preview1(config);
    }

    private static RuntimeException notADirectory(String guestPath, String fsPath, ErrnoException e) {
        return JsErrors.error("WASI: preopens['" + guestPath + "'] names '" + fsPath
                + "', which is not a directory in the MemFS (" + Errno.name(e.errno()) + ")");
    }

    /** Reads stdin and the async option into the builder; returns whether async mode is on. */
    private static boolean readStdin(JSObject stdin, JSObject asyncOption, boolean needsJspi,
            WasiConfig.Builder builder) {
        if (!JsValues.isUndefined(asyncOption) && !JsValues.isBoolean(asyncOption)) {
            throw JsErrors.typeError("WASI: option 'async' must be a boolean, got " + JsValues.describe(asyncOption));
        }
        boolean asyncStdin = isAsyncFunction(stdin) || isReadableStream(stdin);
        boolean async = JsValues.isUndefined(asyncOption) ? asyncStdin : JsValues.asBoolean(asyncOption);
        if (asyncStdin && !async) {
            throw JsErrors.typeError("WASI: an async stdin needs async mode, but option 'async' is false");
        }
        if (async && needsJspi && !hasJspi()) {
            throw JsErrors.error("WASI: async mode needs JSPI (WebAssembly.Suspending and WebAssembly.promising),"
                    + " which this engine lacks; use the Worker entry point 'wasi-polyfill/worker' instead");
        }
        if (JsValues.isUndefined(stdin)) {
            return async;
        }
        if (JsValues.isString(stdin)) {
            builder.stdin(new BytesInput(Bytes.utf8(JsValues.asString(stdin))));
        } else if (JsValues.isUint8Array(stdin)) {
            builder.stdin(new BytesInput(Bytes.fromUint8Array(stdin)));
        } else if (JsValues.isFunction(stdin)) {
            builder.stdin(async ? AsyncInput.ofCallback(stdin) : new PullInput(stdin));
        } else if (isReadableStream(stdin)) {
            builder.stdin(AsyncInput.ofStream(stdin));
        } else {
            throw JsErrors.typeError("WASI: option 'stdin' must be a Uint8Array, a string, a function or a ReadableStream,"
                    + " got " + JsValues.describe(stdin));
        }
        return async;
    }

    @JSBody(params = "f", script = "return Object.prototype.toString.call(f) === '[object AsyncFunction]';")
    private static native boolean isAsyncFunction(JSObject f);

    @JSBody(params = "s", script = "return typeof ReadableStream === 'function' && s instanceof ReadableStream;")
    private static native boolean isReadableStream(JSObject s);

    @JSBody(script = "return typeof WebAssembly.Suspending === 'function' && typeof WebAssembly.promising === 'function';")
    private static native boolean hasJspi();

    private static OutputSink output(String name, JSObject callback) {
        if (JsValues.isUndefined(callback)) {
            return name.equals("stderr") ? ConsoleSink.error() : ConsoleSink.log();
        }
        if (!JsValues.isFunction(callback)) {
            throw JsErrors.typeError("WASI: option '" + name + "' must be a function(Uint8Array), got "
                    + JsValues.describe(callback));
        }
        return new CallbackSink(callback);
    }

    private static boolean readReturnOnExit(JSObject value) {
        if (JsValues.isUndefined(value)) {
            return true;
        }
        if (!JsValues.isBoolean(value)) {
            throw JsErrors.typeError("WASI: option 'returnOnExit' must be a boolean, got " + JsValues.describe(value));
        }
        return JsValues.asBoolean(value);
    }

    /** Throws (as {@link JsErrors} does) the TypeError for an {@code args} element that {@link JsStrings#cString} refused. */
    private static RuntimeException badCString(String what, JSObject value) {
        if (!JsValues.isString(value)) {
            return JsErrors.typeError("WASI: " + what + " must be a string, got " + JsValues.describe(value));
        }
        return JsErrors.typeError("WASI: " + what + " must not contain a NUL character");
    }

    /** Throws the TypeError for an {@code env} entry that {@link JsStrings#envEntry} refused. */
    private static RuntimeException badEnvEntry(String name, JSObject value) {
        if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
            return JsErrors.typeError("WASI: env name '" + name + "' must be non-empty, without '=' or NUL");
        }
        return badCString("env['" + name + "']", value);
    }

    /** Throws the TypeError for a {@code preopens} entry that is not a name and an absolute MemFS path. */
    private static RuntimeException badPreopen(String guestPath, JSObject value) {
        if (guestPath.indexOf('\0') >= 0) {
            return JsErrors.typeError("WASI: preopens name '" + guestPath + "' must not contain a NUL character");
        }
        String what = "preopens['" + guestPath + "']";
        if (!JsStrings.isCString(value)) {
            return badCString(what, value);
        }
        return JsErrors.typeError("WASI: " + what + " must be an absolute MemFS path, got "
                + JsValues.describe(value));
    }
}

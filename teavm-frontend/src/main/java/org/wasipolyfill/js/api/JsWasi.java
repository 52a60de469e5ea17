package org.wasipolyfill.js.api;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSBodyImport;
import org.teavm.jso.JSClass;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.wasipolyfill.core.Preview1;
import org.wasipolyfill.core.Unstable;
import org.wasipolyfill.js.imports.AbortState;
import org.wasipolyfill.js.imports.ExitSignal;
import org.wasipolyfill.js.imports.ImportTracer;
import org.wasipolyfill.js.imports.Preview1Imports;
import org.wasipolyfill.js.imports.SuspendingImports;
import org.wasipolyfill.js.imports.UnstableImports;
import org.wasipolyfill.js.interop.JsErrors;
import org.wasipolyfill.js.interop.JsModules;
import org.wasipolyfill.js.interop.JsValues;
import org.wasipolyfill.js.memory.JsGuestMemory;
import org.wasipolyfill.js.memory.WasmMemory;

/**
 * The exported {@code WASI} class, shaped like Node's {@code node:wasi}:
 * <pre>
 * const wasi = new WASI({ args, env, fs, preopens, stdin, stdout, stderr, returnOnExit });
 * const { instance } = await WebAssembly.instantiate(bytes, wasi.getImportObject());
 * const exitCode = wasi.start(instance);
 * </pre>
 * Options are described on {@link WasiOptions}. Both namespaces, wasi_snapshot_preview1 and
 * wasi_unstable, run on the one Preview1, so a module importing both sees one process.
 */
@JSClass(name = "WASI")
public final class JsWasi {
    private final WasiOptions options;
    private final JsGuestMemory memory = new JsGuestMemory();
    private final Preview1 preview1;
    private final JSObject wasiImport;
    /** The wasi_snapshot_preview1 namespace before any tracing, whose functions wasi_unstable shares. */
    private final JSObject plainPreview1Import;
    /** Made when first asked for: most guests import preview1 alone. */
    private JSObject unstableImport;
    private boolean started;
    private final AbortState abort = new AbortState();
    /** Whether async mode's fd_read and poll_oneoff suspend the guest (JSPI); false for a threads kernel. */
    private final boolean suspending;
    /** The threads kernel's questions of fd_read and poll_oneoff, per namespace; made when first asked. */
    private SuspendingImports preview1Waits;
    private SuspendingImports unstableWaits;

    @JSExport
    public JsWasi(JSObject options) {
        this(WasiOptions.parse(options), true);
    }

    private JsWasi(WasiOptions options, boolean suspending) {
        LiveShapes.ensure();
        this.options = options;
        this.suspending = suspending && options.async;
        this.preview1 = options.newPreview1();
        preview1.bindMemory(memory);
        this.plainPreview1Import = Preview1Imports.create(preview1, memory);
        JSObject traced = ImportTracer.traced(options.trace, Preview1.MODULE, plainPreview1Import, memory);
        this.wasiImport = this.suspending ? SuspendingImports.preview1(traced, preview1, memory, abort) : traced;
    }

    /**
     * For {@code wasi-polyfill/threads}: the one WASI of a threaded program, bound to its shared
     * memory, whose imports its threads' calls are served by. Its fd_read and poll_oneoff never
     * suspend, and an async stdin needs no JSPI: the kernel asks {@link #threadWait} first and
     * awaits what it names.
     */
    @JSExport
    public static JsWasi forThreads(JSObject options, JSObject sharedMemory) {
        JsWasi wasi = new JsWasi(WasiOptions.parse(options, false), false);
        wasi.memory.bind((WasmMemory) sharedMemory);
        wasi.started = true;
        return wasi;
    }

    /**
     * For the threads kernel: null when the call {@code module.name(a, b, c, ...)} can be made now
     * without blocking, else a promise to await before asking again (the stdin's next chunk, a
     * timer). Only fd_read and poll_oneoff ever wait.
     */
    @JSExport
    public JSObject threadWait(String module, String name, int a, int b, int c) {
        SuspendingImports waits = module.equals(Unstable.MODULE) ? unstableWaits() : preview1Waits();
        if (name.equals("fd_read")) {
            return waits.readWait(a, b, c);
        }
        return name.equals("poll_oneoff") ? waits.pollWait(a, b, c) : null;
    }

    private SuspendingImports preview1Waits() {
        if (preview1Waits == null) {
            preview1Waits = SuspendingImports.waits(preview1, null, memory, abort);
        }
        return preview1Waits;
    }

    private SuspendingImports unstableWaits() {
        if (unstableWaits == null) {
            unstableWaits = SuspendingImports.waits(preview1, new Unstable(preview1), memory, abort);
        }
        return unstableWaits;
    }

    /**
     * For the threads kernel, when the process ends: the exit code ({@code failure} null when
     * {@code _start} returned, else a box of what a call threw), with the consoles flushed; or
     * throws what was thrown when it is not proc_exit's signal.
     */
    @JSExport
    public double threadExit(JSObject failure) {
        return exitCode(failure);
    }

    /** Whether this WASI is in async mode: start() and initialize() then return promises. */
    @JSExport
    @JSProperty("async")
    public boolean isAsync() {
        return options.async;
    }

    /**
     * Stops the guest: one waiting in a suspending import unwinds at once and its start() promise
     * rejects with a {@code WASIAbortError}; this WASI runs nothing afterwards.
     */
    @JSExport
    public void abort(JSObject reason) {
        abort.abort(reason);
    }

    /** The syscall layer behind the import object. */
    Preview1 preview1() {
        return preview1;
    }

    /** The MemFS the guest sees (the {@code fs} option, or the one made for it). */
    JsMemFs fs() {
        return options.fs;
    }

    /**
     * The namespace named {@code module}, {@code wasi_snapshot_preview1} or {@code wasi_unstable};
     * else null.
     */
    JSObject namespace(String module) {
        if (module.equals(Preview1.MODULE)) {
            return wasiImport;
        }
        if (!module.equals(Unstable.MODULE)) {
            return null;
        }
        if (unstableImport == null) {
            Unstable unstable = new Unstable(preview1);
            unstableImport = ImportTracer.traced(options.trace, Unstable.MODULE,
                    UnstableImports.create(unstable, memory, plainPreview1Import), memory);
            if (suspending) {
                unstableImport = SuspendingImports.unstable(unstableImport, unstable, preview1, memory, abort);
            }
        }
        return unstableImport;
    }

    /** {@code { wasi_snapshot_preview1: wasiImport }} (or {@code wasi_unstable}), for {@code WebAssembly.instantiate}. */
    @JSExport
    public JSObject getImportObject() {
        JSObject importObject = JsValues.newObject();
        String module = options.unstable ? Unstable.MODULE : Preview1.MODULE;
        JsValues.set(importObject, module, namespace(module));
        return importObject;
    }

    /** The functions of the version's namespace alone, to merge into a larger import object. */
    @JSExport
    @JSProperty
    public JSObject getWasiImport() {
        return options.unstable ? namespace(Unstable.MODULE) : wasiImport;
    }

    /**
     * Runs the command: binds the exported memory, calls {@code _start} and returns the exit code
     * (the {@code proc_exit} argument as an unsigned number, or 0 when {@code _start} returns).
     * A trap inside the guest propagates as the engine threw it. In async mode {@code _start} is
     * called through {@code WebAssembly.promising} and the result is a promise of the same.
     */
    @JSExport
    public JSObject start(JSObject instance) {
        JSObject exports = bindExports("WASI.start", instance);
        JSObject entry = JsValues.get(exports, "_start");
        if (!JsValues.isFunction(entry)) {
            throw JsErrors.typeError("WASI.start: the instance exports no '_start' function (is it a command module?"
                    + " A reactor, exporting '_initialize', is set up with initialize())");
        }
        started = true;
        if (suspending) {
            return startPromising(entry, failure -> toJs(exitCode(failure)));
        }
        return toJs(exitCode(call(entry)));
    }

    /** The exit code for how the guest ended ({@code failure}: null, or a box of what it threw), or throws. */
    private double exitCode(JSObject failure) {
        abort.end();
        options.flushConsoles();
        abort.check();
        if (failure == null) {
            return 0;
        }
        JSObject thrown = thrownValue(failure);
        if (!ExitSignal.is(thrown) || !options.returnOnExit) {
            throw JsErrors.rethrow(thrown);
        }
        return ExitSignal.code(thrown);
    }

    /**
     * Sets up a reactor, as Node's {@code wasi.initialize}: binds the exported memory and calls
     * {@code _initialize}; the page then calls the reactor's other exports as it likes. What
     * {@code _initialize} throws (a trap, or {@code WASIExitError} when it calls proc_exit) reaches
     * the caller. In async mode {@code _initialize} is called through {@code WebAssembly.promising}
     * and the result is a promise.
     */
    @JSExport
    public JSObject initialize(JSObject instance) {
        JSObject exports = bindExports("WASI.initialize", instance);
        if (JsValues.isFunction(JsValues.get(exports, "_start"))) {
            throw JsErrors.typeError("WASI.initialize: the instance exports '_start': it is a command, run it with start()");
        }
        JSObject entry = JsValues.get(exports, "_initialize");
        if (!JsValues.isFunction(entry)) {
            throw JsErrors.typeError("WASI.initialize: the instance exports no '_initialize' function"
                    + " (is it a reactor module, built with -mexec-model=reactor?)");
        }
        started = true;
        if (suspending) {
            return startPromising(entry, failure -> {
                initialized(failure);
                return undefined();
            });
        }
        initialized(call(entry));
        return undefined();
    }

    private void initialized(JSObject failure) {
        abort.check();
        if (failure != null) {
            throw JsErrors.rethrow(thrownValue(failure));
        }
    }

    /**
     * The exports of an instance this WASI may still run, its memory bound; or an error naming
     * {@code who}. Binding before the entry point is checked is harmless: nothing has run yet, and
     * the next instance is bound again.
     */
    private JSObject bindExports(String who, JSObject instance) {
        abort.check();
        if (started) {
            throw JsErrors.error(who + ": this WASI object has already run a guest (start or initialize);"
                    + " create a new WASI for each instance");
        }
        JSObject exports = JsValues.isPlainObject(instance) ? JsValues.get(instance, "exports") : null;
        if (exports == null || !JsValues.isPlainObject(exports)) {
            throw JsErrors.typeError(who + ": expected a WebAssembly.Instance, got " + JsValues.describe(instance));
        }
        memory.bind((WasmMemory) exportedMemory(who, exports));
        return exports;
    }

    /**
     * {@code WASI.run(source, options)}: fetches or compiles {@code source} (a URL string or URL, a
     * Response or a promise of one, an ArrayBuffer or typed array, or a WebAssembly.Module), runs it
     * with a fresh WASI and resolves to {@code { exitCode, stdout, stderr, fs }}; stdout and stderr
     * are the bytes written, or null where the options gave a callback.
     */
    @JSExport
    public static JSObject run(JSObject source, JSObject options) {
        return Launcher.run(source, options);
    }

    /**
     * Binds the instance's exported memory without running anything, for {@code install()}: the
     * page then calls {@code instance.exports._start()} itself (or {@code start(instance)}).
     */
    void bindInstance(JSObject instance) {
        JSObject exports = JsValues.get(instance, "exports");
        memory.bind((WasmMemory) exportedMemory("WASI install", exports));
    }

    private static JSObject exportedMemory(String who, JSObject exports) {
        JSObject exportedMemory = JsValues.get(exports, "memory");
        if (!JsValues.isWasmMemory(exportedMemory)) {
            throw JsErrors.typeError(who + ": the instance exports no WebAssembly.Memory named 'memory'");
        }
        return exportedMemory;
    }

    /**
     * Null when {@code f()} returned, else a box holding what it threw. The guest runs inside a JS
     * try, not a Java one: a Java catch would wrap an engine trap and tag the error with TeaVM's
     * bookkeeping before it reached the caller.
     */
    @JSBody(params = "f", script = "try { f(); return null; } catch (e) { return { thrown: e }; }")
    private static native JSObject call(JSObject f);

    @JSBody(params = "box", script = "return box.thrown;")
    private static native JSObject thrownValue(JSObject box);

    @JSBody(script = "return undefined;")
    private static native JSObject undefined();

    @JSBody(params = "n", script = "return n;")
    private static native JSObject toJs(double n);

    /** How an async start or initialize ends ({@code failure}: null, or a box of what it threw): its result, or throws. */
    @JSFunctor
    interface Settle extends JSObject {
        JSObject settle(JSObject failure);
    }

    /** {@code WebAssembly.promising(entry)()}, settled by {@code settle}. */
    @JSBody(params = { "entry", "settle" }, script = "return promising.startPromising(entry, settle);",
            imports = @JSBodyImport(alias = "promising", fromModule = JsModules.PROMISING))
    private static native JSObject startPromising(JSObject entry, Settle settle);
}

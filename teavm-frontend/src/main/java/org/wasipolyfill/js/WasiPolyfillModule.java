package org.wasipolyfill.js;

import org.teavm.jso.JSExport;
import org.teavm.jso.JSExportClasses;
import org.teavm.jso.JSObject;
import org.wasipolyfill.js.api.JsMemFs;
import org.wasipolyfill.js.api.JsWasi;
import org.wasipolyfill.js.api.Launcher;

/**
 * The TeaVM entry point: the module exports the classes listed here under their
 * {@code @JSClass} names, {@code WASI} and {@code MemFS}, and the functions below.
 */
@JSExportClasses({ JsWasi.class, JsMemFs.class })
public final class WasiPolyfillModule {
    private WasiPolyfillModule() {}

    /**
     * Patches {@code WebAssembly.instantiate} and {@code WebAssembly.instantiateStreaming} so that a
     * module importing {@code wasi_snapshot_preview1} or {@code wasi_unstable}, instantiated without
     * that namespace, gets it from a fresh {@code WASI(options)} and its memory bound: the page may call
     * {@code instance.exports._start()} itself. Calling it again replaces the options.
     */
    @JSExport
    public static void install(JSObject options) {
        Launcher.install(options);
    }

    /** Restores the original {@code WebAssembly} functions; false when nothing was installed. */
    @JSExport
    public static boolean uninstall() {
        return Launcher.uninstall();
    }

    /** Runs {@code _start} of an instance made while installed; returns the exit code like {@code WASI.start}. */
    @JSExport
    public static JSObject start(JSObject instance) {
        return Launcher.start(instance);
    }
}

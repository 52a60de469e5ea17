package org.wasipolyfill.js.api;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSBodyImport;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.wasipolyfill.js.interop.JsErrors;
import org.wasipolyfill.js.interop.JsModules;

/**
 * The asynchronous conveniences over {@link JsWasi}: {@code WASI.run(source, options)},
 * {@code install(options)} / {@code uninstall()} and {@code start(instance)}. Fetching, compiling
 * and patching {@code WebAssembly} are promise plumbing with nothing to share with the core, so
 * they are JS modules (src/main/core/launcher), linted and tested on their own; they reach back into
 * Java only through the four functions of {@link #host()}: make a WASI, get its MemFS, get one of
 * its namespaces, bind an instance's memory.
 */
public final class Launcher {
    private static JSObject host;

    private Launcher() {}

    @JSFunctor
    interface Factory extends JSObject {
        JSObject create(JSObject options);
    }

    @JSFunctor
    interface FsOf extends JSObject {
        JSObject fsOf(JSObject wasi);
    }

    @JSFunctor
    interface Namespace extends JSObject {
        JSObject namespace(JSObject wasi, String module);
    }

    @JSFunctor
    interface Binder extends JSObject {
        void bind(JSObject wasi, JSObject instance);
    }

    private static JSObject host() {
        if (host == null) {
            host = makeHost(
                    options -> (JSObject) (Object) new JsWasi(options),
                    wasi -> (JSObject) (Object) ((JsWasi) (Object) wasi).fs(),
                    (wasi, module) -> ((JsWasi) (Object) wasi).namespace(module),
                    (wasi, instance) -> {
                        if (!((Object) wasi instanceof JsWasi w)) {
                            throw JsErrors.typeError("not a WASI object");
                        }
                        w.bindInstance(instance);
                    });
        }
        return host;
    }

    @JSBody(params = { "newWasi", "fsOf", "namespace", "bind" },
            script = "return { newWasi: newWasi, fsOf: fsOf, namespace: namespace, bind: bind };")
    private static native JSObject makeHost(Factory newWasi, FsOf fsOf, Namespace namespace, Binder bind);

    /** {@code WASI.run(source, options)}: a promise of {@code { exitCode, stdout, stderr, fs }}. */
    static JSObject run(JSObject source, JSObject options) {
        return run(host(), source, options);
    }

    public static void install(JSObject options) {
        install(host(), options);
    }

    @JSBody(params = { "host", "source", "options" }, script = "return launcher.run(host, source, options);",
            imports = @JSBodyImport(alias = "launcher", fromModule = JsModules.LAUNCHER))
    private static native JSObject run(JSObject host, JSObject source, JSObject options);

    @JSBody(params = { "host", "options" }, script = "launcher.install(host, options);",
            imports = @JSBodyImport(alias = "launcher", fromModule = JsModules.LAUNCHER))
    private static native void install(JSObject host, JSObject options);

    /** Restores the original {@code WebAssembly} functions; false when nothing was installed. */
    @JSBody(script = "return launcher.uninstall();",
            imports = @JSBodyImport(alias = "launcher", fromModule = JsModules.LAUNCHER))
    public static native boolean uninstall();

    /** The exit code, or a promise of it when the guest runs asynchronously. */
    @JSBody(params = "instance", script = "return launcher.start(instance);",
            imports = @JSBodyImport(alias = "launcher", fromModule = JsModules.LAUNCHER))
    public static native JSObject start(JSObject instance);
}

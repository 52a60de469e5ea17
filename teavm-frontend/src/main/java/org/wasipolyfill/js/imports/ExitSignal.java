package org.wasipolyfill.js.imports;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSBodyImport;
import org.teavm.jso.JSObject;
import org.wasipolyfill.js.interop.JsModules;

/**
 * How {@code proc_exit} leaves the guest: a JS {@code Error} named {@code WASIExitError} whose
 * {@code code} is the exit code, thrown from the import so the engine unwinds every wasm frame.
 * {@code start()} recognises it by a private symbol, so a guest cannot fake an exit by other
 * means, and either returns the code or, with {@code returnOnExit: false}, lets the error go on.
 *
 * <p>A plain JS error rather than the Java {@code ProcExit}: a Java catch around the guest would
 * also catch the engine's own traps and tag them with TeaVM's bookkeeping.
 */
public final class ExitSignal {
    private static final JSObject MARK = newSymbol();

    private ExitSignal() {}

    static JSObject create(int code) {
        return create(MARK, code);
    }

    /** Whether {@code thrown} is the signal of a {@code proc_exit}. */
    public static boolean is(JSObject thrown) {
        return hasMark(thrown, MARK);
    }

    /** The exit code of a signal, as the u32 that proc_exit received. */
    @JSBody(params = "signal", script = "return signal.code;")
    public static native double code(JSObject signal);

    @JSBody(script = "return Symbol('wasi proc_exit');")
    private static native JSObject newSymbol();

    @JSBody(params = { "mark", "code" }, script = "return errors.exitError(mark, code);",
            imports = @JSBodyImport(alias = "errors", fromModule = JsModules.ERRORS))
    private static native JSObject create(JSObject mark, int code);

    @JSBody(params = { "thrown", "mark" },
            script = "return typeof thrown === 'object' && thrown !== null && thrown[mark] === true;")
    private static native boolean hasMark(JSObject thrown, JSObject mark);
}

package org.wasipolyfill.js.interop;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * Throws native JS errors, so callers of the exported API see a {@code TypeError}, an
 * {@code Error} with a Node-style {@code code} or a {@code WebAssembly.RuntimeError} instead of a
 * wrapped Java exception with TeaVM's internals in its stack.
 *
 * <p>Each method throws and never returns; the declared {@link RuntimeException} lets a caller
 * write {@code throw JsErrors.typeError(...)} so javac knows the path ends there.
 */
public final class JsErrors {
    private JsErrors() {}

    public static RuntimeException typeError(String message) {
        throwTypeError(message);
        return unreachable();
    }

    /** A {@code TypeError} to throw later, or to hand over as a value. */
    public static JSObject newTypeError(String message) {
        return createTypeError(message);
    }

    public static RuntimeException error(String message) {
        throwError(message);
        return unreachable();
    }

    /** An {@code Error} carrying {@code code} (e.g. "ENOENT"), as Node's fs errors do. */
    public static RuntimeException errorWithCode(String message, String code) {
        throwErrorWithCode(message, code);
        return unreachable();
    }

    /** A wasm trap: what the engine itself throws for an out-of-bounds access. */
    public static RuntimeException runtimeError(String message) {
        throwRuntimeError(message);
        return unreachable();
    }

    /** Throws {@code error} as it is: a JS value that must reach the caller unchanged. */
    public static RuntimeException rethrow(JSObject error) {
        throwValue(error);
        return unreachable();
    }

    private static RuntimeException unreachable() {
        return new IllegalStateException("a JS throw returned");
    }

    @JSBody(params = "message", script = "throw new TypeError(message);")
    private static native void throwTypeError(String message);

    @JSBody(params = "message", script = "return new TypeError(message);")
    private static native JSObject createTypeError(String message);

    @JSBody(params = "message", script = "throw new Error(message);")
    private static native void throwError(String message);

    @JSBody(params = { "message", "code" }, script = "var e = new Error(message); e.code = code; throw e;")
    private static native void throwErrorWithCode(String message, String code);

    @JSBody(params = "message", script = "throw new WebAssembly.RuntimeError(message);")
    private static native void throwRuntimeError(String message);

    @JSBody(params = "error", script = "throw error;")
    private static native void throwValue(JSObject error);
}

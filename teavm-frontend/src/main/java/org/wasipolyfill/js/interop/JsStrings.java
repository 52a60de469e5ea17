package org.wasipolyfill.js.interop;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSBodyImport;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * JS strings the guest will read, encoded straight to UTF-8 {@code byte[]}s: no Java
 * {@code String} in between, whose conversion and per-character encoding cost more calls than the
 * rest of a {@code new WASI}. Each returns null for a value it refuses, and the caller builds the
 * error message (from the value) only then.
 */
public final class JsStrings {
    private JsStrings() {}

    /** The UTF-8 of {@code value} if it is a string without NUL (a C string the guest reads), else null. */
    public static byte[] cString(JSObject value) {
        Int8Array utf8 = cStringBytes(value);
        return utf8 == null ? null : utf8.toJavaArray();
    }

    /** The UTF-8 of {@code value} if it is a string starting with '/' and without NUL (an absolute MemFS path), else null. */
    public static byte[] absolutePath(JSObject value) {
        byte[] path = cString(value);
        return path != null && path.length > 0 && path[0] == '/' ? path : null;
    }

    /**
     * The UTF-8 of {@code name=value}, an environment entry, if {@code name} is non-empty without
     * '=' or NUL and {@code value} is a string without NUL; else null.
     */
    public static byte[] envEntry(JSObject name, JSObject value) {
        return isEnvName(name) && isCString(value) ? cString(joined(name, value)) : null;
    }

    /** The bytes of a C string, or null (src/main/core/interop/strings.mjs). */
    @JSBody(params = "v", script = "return strings.cStringBytes(v);",
            imports = @JSBodyImport(alias = "strings", fromModule = JsModules.STRINGS))
    private static native Int8Array cStringBytes(JSObject value);

    @JSBody(params = "k", script = "return typeof k === 'string' && k.length > 0 && k.indexOf('=') < 0"
            + " && k.indexOf('\\0') < 0;")
    private static native boolean isEnvName(JSObject name);

    /** Whether {@code value} is a string without NUL, what {@link #cString} accepts, without encoding it. */
    @JSBody(params = "v", script = "return typeof v === 'string' && v.indexOf('\\0') < 0;")
    public static native boolean isCString(JSObject value);

    @JSBody(params = { "k", "v" }, script = "return k + '=' + v;")
    private static native JSObject joined(JSObject name, JSObject value);
}

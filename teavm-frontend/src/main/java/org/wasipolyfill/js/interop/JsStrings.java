package org.wasipolyfill.js.interop;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * JS strings the guest will read, encoded straight to UTF-8 {@code byte[]}s: no Java
 * {@code String} in between, whose conversion and per-character encoding cost more calls than the
 * rest of a {@code new WASI}. Each returns null for a value it refuses, and the caller builds the
 * error message (from the value) only then.
 */
public final class JsStrings {
    private static final JSObject ENCODER = newEncoder();

    private JsStrings() {}

    /** The UTF-8 of {@code value} if it is a string without NUL (a C string the guest reads), else null. */
    public static byte[] cString(JSObject value) {
        Int8Array utf8 = encodeCString(ENCODER, value);
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

    @JSBody(script = "return new TextEncoder();")
    private static native JSObject newEncoder();

    /**
     * The bytes of a C string, or null. An ASCII string is copied into a new Int8Array, which V8
     * makes on its heap when small; only a string with other characters goes to the TextEncoder,
     * whose every call is a native call and a separately allocated buffer. The locals have long
     * names: TeaVM renames the parameters, to short names that could collide with short locals.
     */
    @JSBody(params = { "e", "v" }, script = "if (typeof v !== 'string' || v.indexOf('\\0') >= 0) return null;"
            + " var size = v.length, bytes = new Int8Array(size);"
            + " for (var index = 0; index < size; index++) { var unit = v.charCodeAt(index);"
            + " if (unit > 127) { bytes = e.encode(v); return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length); }"
            + " bytes[index] = unit; }"
            + " return bytes;")
    private static native Int8Array encodeCString(JSObject encoder, JSObject value);

    @JSBody(params = "k", script = "return typeof k === 'string' && k.length > 0 && k.indexOf('=') < 0"
            + " && k.indexOf('\\0') < 0;")
    private static native boolean isEnvName(JSObject name);

    /** Whether {@code value} is a string without NUL, what {@link #cString} accepts, without encoding it. */
    @JSBody(params = "v", script = "return typeof v === 'string' && v.indexOf('\\0') < 0;")
    public static native boolean isCString(JSObject value);

    @JSBody(params = { "k", "v" }, script = "return k + '=' + v;")
    private static native JSObject joined(JSObject name, JSObject value);
}

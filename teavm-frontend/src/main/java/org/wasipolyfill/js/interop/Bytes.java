package org.wasipolyfill.js.interop;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int8Array;
import org.wasipolyfill.core.Utf8;

/**
 * Moves bytes between JS typed arrays and Java arrays. In TeaVM's JS output a {@code byte[]} is
 * backed by an {@code Int8Array} ({@link Int8Array#fromJavaArray} returns it without copying), so
 * every copy here is one native typed-array operation.
 */
public final class Bytes {
    private Bytes() {}

    /** A copy of a JS {@code Uint8Array}'s bytes. */
    public static byte[] fromUint8Array(JSObject uint8Array) {
        byte[] copy = new byte[JsValues.length(uint8Array)];
        copyInto(Int8Array.fromJavaArray(copy), uint8Array);
        return copy;
    }

    /** A copy of {@code length} bytes of a JS {@code Uint8Array} from {@code offset}. */
    public static byte[] fromUint8Array(JSObject uint8Array, int offset, int length) {
        return fromUint8Array(subarray(uint8Array, offset, length));
    }

    /** A {@code Uint8Array} over the Java array itself: no copy, so hand out only fresh arrays. */
    public static JSObject viewAsUint8Array(byte[] bytes) {
        return uint8View(Int8Array.fromJavaArray(bytes), 0, bytes.length);
    }

    /** A {@code Uint8Array} over {@code bytes[offset..offset+length]}: valid while the array is. */
    public static JSObject view(byte[] bytes, int offset, int length) {
        return uint8View(Int8Array.fromJavaArray(bytes), offset, length);
    }

    /** A new {@code Uint8Array} holding {@code bytes[offset..offset+length]}. */
    public static JSObject copyToUint8Array(byte[] bytes, int offset, int length) {
        return uint8Copy(Int8Array.fromJavaArray(bytes), offset, length);
    }

    /**
     * The bytes of a stdin chunk: a string's UTF-8 or a copy of a Uint8Array; none for null or
     * undefined; null for anything else.
     */
    public static byte[] ofChunk(JSObject chunk) {
        if (JsValues.isNullish(chunk)) {
            return new byte[0];
        }
        if (JsValues.isString(chunk)) {
            return utf8(JsValues.asString(chunk));
        }
        return JsValues.isUint8Array(chunk) ? fromUint8Array(chunk) : null;
    }

    public static byte[] utf8(String text) {
        return Utf8.encode(text);
    }

    public static String decodeUtf8(byte[] bytes) {
        return Utf8.decode(bytes);
    }

    @JSBody(params = { "a", "offset", "length" }, script = "return a.subarray(offset, offset + length);")
    private static native JSObject subarray(JSObject a, int offset, int length);

    @JSBody(params = { "target", "source" }, script = "target.set(new Int8Array(source.buffer,"
            + " source.byteOffset, source.length));")
    private static native void copyInto(Int8Array target, JSObject source);

    @JSBody(params = { "a", "offset", "length" },
            script = "return new Uint8Array(a.buffer, a.byteOffset + offset, length);")
    private static native JSObject uint8View(Int8Array a, int offset, int length);

    @JSBody(params = { "a", "offset", "length" },
            script = "return new Uint8Array(a.buffer, a.byteOffset + offset, length).slice();")
    private static native JSObject uint8Copy(Int8Array a, int offset, int length);
}

package org.wasipolyfill.js.interop;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSBodyImport;
import org.teavm.jso.JSObject;

/** Type tests and property access on values handed in from JS, for validating options. */
public final class JsValues {
    private JsValues() {}

    @JSBody(params = "v", script = "return v === undefined;")
    public static native boolean isUndefined(JSObject v);

    @JSBody(params = "v", script = "return v === undefined || v === null;")
    public static native boolean isNullish(JSObject v);

    @JSBody(params = "v", script = "return typeof v === 'string';")
    public static native boolean isString(JSObject v);

    @JSBody(params = "v", script = "return typeof v === 'boolean';")
    public static native boolean isBoolean(JSObject v);

    @JSBody(params = "v", script = "return typeof v === 'function';")
    public static native boolean isFunction(JSObject v);

    @JSBody(params = "v", script = "return Array.isArray(v);")
    public static native boolean isArray(JSObject v);

    /** A non-null object that is not an array: what an options bag or a map must be. */
    @JSBody(params = "v", script = "return typeof v === 'object' && v !== null && !Array.isArray(v);")
    public static native boolean isPlainObject(JSObject v);

    @JSBody(params = "v", script = "return v instanceof Uint8Array;")
    public static native boolean isUint8Array(JSObject v);

    @JSBody(params = "v", script = "return v instanceof WebAssembly.Memory;")
    public static native boolean isWasmMemory(JSObject v);

    /**
     * How an error message names a value it did not expect ("null", "an array", "a Uint8Array",
     * "the number 42"): the launcher's own wording, so a value reads the same in every message.
     */
    @JSBody(params = "v", script = "return launcher.describe(v);",
            imports = @JSBodyImport(alias = "launcher", fromModule = JsModules.LAUNCHER))
    public static native String describe(JSObject v);

    /** What {@code String(error)} gives ("TypeError: x is null"), or "a thrown null" and the like. */
    @JSBody(params = "e", script = "try { return String(e); } catch (f) { return 'a thrown ' + typeof e; }")
    public static native String describeError(JSObject e);

    /** A limit option: {@code fallback} if undefined, the number if it is a safe integer of at least 1, else -1. */
    @JSBody(params = { "v", "fallback" }, script = "return v === undefined ? fallback : Number.isSafeInteger(v) && v > 0 ? v : -1;")
    public static native double limit(JSObject v, double fallback);

    /** {@code o.readOnly}: 1 if true, 0 if false or absent, -1 for anything else. */
    @JSBody(params = "o", script = "var r = o.readOnly; return r === true ? 1 : r === undefined || r === false ? 0 : -1;")
    public static native int readOnly(JSObject o);

    @JSBody(params = "v", script = "return v === 0;")
    public static native boolean isZero(JSObject v);

    /** A mode's permission bits: the integer if it is from 0 to 0o7777, else -1. */
    @JSBody(params = "v", script = "return Number.isInteger(v) && v >= 0 && v <= 4095 ? v : -1;")
    public static native int permissionBits(JSObject v);

    /** 1 for a BigInt or a valid Date whose nanoseconds fit an i64, -1 for one that does not, 0 for anything else. */
    @JSBody(params = "v", script = "return values.timeKind(v);",
            imports = @JSBodyImport(alias = "values", fromModule = JsModules.VALUES))
    public static native int timeKind(JSObject v);

    /** The nanoseconds of a value {@link #timeKind} accepted. */
    @JSBody(params = "v", script = "return typeof v === 'bigint' ? v : BigInt(v.getTime()) * 1000000n;")
    public static native long timeNanos(JSObject v);

    @JSBody(params = "v", script = "return v;")
    public static native String asString(JSObject v);

    @JSBody(params = "v", script = "return v;")
    public static native boolean asBoolean(JSObject v);

    @JSBody(params = { "o", "key" }, script = "return o[key];")
    public static native JSObject get(JSObject o, String key);

    /** {@code o[key]} for a key that is already a JS value, such as one of {@link #keyArray}. */
    @JSBody(params = { "o", "key" }, script = "return o[key];")
    public static native JSObject get(JSObject o, JSObject key);

    /** The first own enumerable key of {@code o} that is not among {@code known}, or null. */
    @JSBody(params = { "o", "known" }, script = "for (var k in o) {"
            + " if (Object.prototype.hasOwnProperty.call(o, k) && known.indexOf(k) < 0) return k; }"
            + " return null;")
    public static native String unknownKey(JSObject o, JSObject known);

    /** A JS array of the strings, to keep for repeated calls such as {@link #unknownKey}. */
    @JSBody(params = "strings", script = "return strings;")
    public static native JSObject toJsArray(String[] strings);

    /** The object's own enumerable string keys in JS property order, as a JS array of JS strings. */
    @JSBody(params = "o", script = "return Object.keys(o);")
    public static native JSObject keyArray(JSObject o);

    @JSBody(params = "a", script = "return a.length;")
    public static native int length(JSObject a);

    @JSBody(params = { "a", "i" }, script = "return a[i];")
    public static native JSObject at(JSObject a, int i);

    @JSBody(script = "return {};")
    public static native JSObject newObject();

    @JSBody(params = { "o", "key", "value" }, script = "o[key] = value;")
    public static native void set(JSObject o, String key, JSObject value);

    @JSBody(script = "return [];")
    public static native JSObject newArray();

    @JSBody(params = { "a", "value" }, script = "a.push(value);")
    public static native void push(JSObject a, JSObject value);

    /** A Java string as the JS string value it is. */
    @JSBody(params = "s", script = "return s;")
    public static native JSObject toJs(String s);
}

package org.wasipolyfill.js.imports;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * Stores a functor as a property of the import namespace. One overload per signature: a functor
 * only becomes a callable JS function where the parameter is typed as its own interface (typed as
 * {@code JSObject}, TeaVM passes the Java object and instantiation fails with "function import
 * requires a callable").
 */
final class ImportSlots {
    private ImportSlots() {}

    @JSBody(params = { "o", "name", "f" }, script = "o[name] = f;")
    static native void put(JSObject o, String name, Signatures.None f);

    @JSBody(params = { "o", "name", "f" }, script = "o[name] = f;")
    static native void put(JSObject o, String name, Signatures.IVoid f);

    @JSBody(params = { "o", "name", "f" }, script = "o[name] = f;")
    static native void put(JSObject o, String name, Signatures.I f);

    @JSBody(params = { "o", "name", "f" }, script = "o[name] = f;")
    static native void put(JSObject o, String name, Signatures.II f);

    @JSBody(params = { "o", "name", "f" }, script = "o[name] = f;")
    static native void put(JSObject o, String name, Signatures.III f);

    @JSBody(params = { "o", "name", "f" }, script = "o[name] = f;")
    static native void put(JSObject o, String name, Signatures.IIII f);

    @JSBody(params = { "o", "name", "f" }, script = "o[name] = f;")
    static native void put(JSObject o, String name, Signatures.IIIII f);

    @JSBody(params = { "o", "name", "f" }, script = "o[name] = f;")
    static native void put(JSObject o, String name, Signatures.IIIIII f);

    @JSBody(params = { "o", "name", "f" }, script = "o[name] = f;")
    static native void put(JSObject o, String name, Signatures.IIIIIII f);

    @JSBody(params = { "o", "name", "f" }, script = "o[name] = f;")
    static native void put(JSObject o, String name, Signatures.IL f);

    @JSBody(params = { "o", "name", "f" }, script = "o[name] = f;")
    static native void put(JSObject o, String name, Signatures.ILI f);

    @JSBody(params = { "o", "name", "f" }, script = "o[name] = f;")
    static native void put(JSObject o, String name, Signatures.ILL f);

    @JSBody(params = { "o", "name", "f" }, script = "o[name] = f;")
    static native void put(JSObject o, String name, Signatures.ILLI f);

    @JSBody(params = { "o", "name", "f" }, script = "o[name] = f;")
    static native void put(JSObject o, String name, Signatures.ILII f);

    @JSBody(params = { "o", "name", "f" }, script = "o[name] = f;")
    static native void put(JSObject o, String name, Signatures.IIILI f);

    @JSBody(params = { "o", "name", "f" }, script = "o[name] = f;")
    static native void put(JSObject o, String name, Signatures.IIIILLI f);

    @JSBody(params = { "o", "name", "f" }, script = "o[name] = f;")
    static native void put(JSObject o, String name, Signatures.IIIIILLII f);
}

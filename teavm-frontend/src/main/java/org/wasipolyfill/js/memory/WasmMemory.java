package org.wasipolyfill.js.memory;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.typedarrays.ArrayBuffer;

/** A {@code WebAssembly.Memory}: only its current buffer is needed. */
public interface WasmMemory extends JSObject {
    /** The current buffer; {@code memory.grow} detaches it and installs a new one. */
    @JSProperty
    ArrayBuffer getBuffer();
}

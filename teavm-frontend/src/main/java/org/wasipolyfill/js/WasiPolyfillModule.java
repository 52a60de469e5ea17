package org.wasipolyfill.js;

import org.teavm.jso.JSExportClasses;
import org.wasipolyfill.js.api.JsMemFs;
import org.wasipolyfill.js.api.JsWasi;

/**
 * The TeaVM entry point: the ES module exports the classes listed here under their
 * {@code @JSClass} names, {@code WASI} and {@code MemFS}.
 */
@JSExportClasses({ JsWasi.class, JsMemFs.class })
public final class WasiPolyfillModule {
    private WasiPolyfillModule() {}
}

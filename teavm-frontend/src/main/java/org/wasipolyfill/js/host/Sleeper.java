package org.wasipolyfill.js.host;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSBodyImport;
import org.teavm.jso.JSObject;
import org.wasipolyfill.js.interop.JsModules;

/**
 * Blocks the calling thread for a while, as {@code poll_oneoff} on a clock needs.
 *
 * <p>{@code Atomics.wait} on a private {@code SharedArrayBuffer} sleeps without burning CPU; it
 * works in Node and in workers. Browsers forbid it on the main thread (it throws) and hide
 * {@code SharedArrayBuffer} unless the page is cross-origin isolated; there the only way to block
 * synchronously is to spin on {@code performance.now()}/{@code Date.now()} until the time is up,
 * which is what the fallback does.
 */
final class Sleeper {
    private JSObject cell;
    private boolean probed;
    private boolean canWait;

    void sleepMillis(double millis) {
        if (!probed) {
            probed = true;
            cell = waitCell();
            canWait = cell != null;
        }
        if (canWait) {
            atomicsWait(cell, millis);
        } else {
            spin(millis);
        }
    }

    /** A cell Atomics.wait may block on here, or null (src/main/core/host/sleep.mjs). */
    @JSBody(script = "return sleep.waitCell();", imports = @JSBodyImport(alias = "sleep", fromModule = JsModules.SLEEP))
    private static native JSObject waitCell();

    @JSBody(params = { "cell", "millis" }, script = "Atomics.wait(cell, 0, 0, millis);")
    private static native void atomicsWait(JSObject cell, double millis);

    @JSBody(params = "millis", script = "sleep.spin(millis);",
            imports = @JSBodyImport(alias = "sleep", fromModule = JsModules.SLEEP))
    private static native void spin(double millis);
}

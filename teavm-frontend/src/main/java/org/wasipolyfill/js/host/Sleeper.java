package org.wasipolyfill.js.host;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

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
            cell = newWaitCell();
            canWait = cell != null && probeWait(cell);
        }
        if (canWait) {
            atomicsWait(cell, millis);
        } else {
            spin(millis);
        }
    }

    @JSBody(script = "if (typeof SharedArrayBuffer !== 'function' || typeof Atomics !== 'object') return null;"
            + " try { return new Int32Array(new SharedArrayBuffer(4)); } catch (e) { return null; }")
    private static native JSObject newWaitCell();

    @JSBody(params = "cell", script = "try { Atomics.wait(cell, 0, 0, 0); return true; } catch (e) { return false; }")
    private static native boolean probeWait(JSObject cell);

    @JSBody(params = { "cell", "millis" }, script = "Atomics.wait(cell, 0, 0, millis);")
    private static native void atomicsWait(JSObject cell, double millis);

    @JSBody(params = "millis", script = "var now = typeof performance === 'object' && performance"
            + " ? function () { return performance.now(); } : Date.now;"
            + " var end = now() + millis; while (now() < end) {}")
    private static native void spin(double millis);
}

package org.wasipolyfill.js.imports;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSBodyImport;
import org.teavm.jso.JSObject;
import org.wasipolyfill.js.interop.JsErrors;
import org.wasipolyfill.js.interop.JsModules;

/**
 * Whether a WASI has been aborted ({@code wasi.abort(reason)}), and the waits of its suspending
 * imports, which an abort rejects at once with an Error named {@code WASIAbortError} (its
 * {@code cause} the reason) so the suspended guest unwinds and its start() promise rejects.
 */
public final class AbortState {
    /**
     * The waits in progress (a {@code Waits} of src/main/core/async/abort.mjs; several when the
     * threads of one process wait), which an abort rejects.
     */
    private final JSObject waits = newWaits();
    private JSObject error;
    private boolean ended;

    /** Aborts, unless the guest has ended; a second abort changes nothing. */
    public void abort(JSObject reason) {
        if (ended || error != null) {
            return;
        }
        error = newAbortError(reason);
        cancel(waits, error);
    }

    /**
     * After the guest has ended an abort no longer applies; a wait still in progress (another
     * thread's sleep) is cancelled, so that no timer outlives the process.
     */
    public void end() {
        if (!ended) {
            ended = true;
            cancel(waits, newAbortError(null));
        }
    }

    public boolean aborted() {
        return error != null;
    }

    /** Throws the abort error if there is one. */
    public void check() {
        if (error != null) {
            throw JsErrors.rethrow(error);
        }
    }

    /**
     * A promise that resolves when {@code input} (a promise, or null) settles or after
     * {@code millis} (none when negative), whichever comes first, and rejects with what input
     * rejects with or with the abort error; the timer never outlives it. A timer fires at the
     * latest after 2^31 - 1 ms (a longer one would fire at once), after which the caller asks the
     * core again.
     */
    JSObject await(JSObject input, double millis) {
        return await(waits, input, millis);
    }

    @JSBody(script = "return new abort.Waits();", imports = @JSBodyImport(alias = "abort", fromModule = JsModules.ABORT))
    private static native JSObject newWaits();

    @JSBody(params = { "waits", "error" }, script = "waits.cancel(error);")
    private static native void cancel(JSObject waits, JSObject error);

    @JSBody(params = "reason", script = "return abort.abortError(reason);",
            imports = @JSBodyImport(alias = "abort", fromModule = JsModules.ABORT))
    private static native JSObject newAbortError(JSObject reason);

    @JSBody(params = { "waits", "input", "millis" }, script = "return waits.wait(input, millis);")
    private static native JSObject await(JSObject waits, JSObject input, double millis);
}

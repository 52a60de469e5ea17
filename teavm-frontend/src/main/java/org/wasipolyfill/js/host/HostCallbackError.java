package org.wasipolyfill.js.host;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * A JS exception thrown by a host callback (stdout, stderr or stdin), carried through the core's
 * Java frames so the import wrapper can rethrow the original value untouched. Callbacks are called
 * through a script that catches and boxes what they throw ({@code {thrown: e}}), so that only
 * these errors pass through an import unchanged; any other JS error there is a polyfill bug.
 */
public final class HostCallbackError extends RuntimeException {
    private final transient JSObject thrown;

    public HostCallbackError(JSObject thrown) {
        super("a host callback threw", null, false, false);
        this.thrown = thrown;
    }

    /** The error for a box a callback script returned ({@code {thrown: e}}). */
    public static HostCallbackError unbox(JSObject box) {
        return new HostCallbackError(thrownValue(box));
    }

    public JSObject thrown() {
        return thrown;
    }

    @JSBody(params = "box", script = "return box.thrown;")
    private static native JSObject thrownValue(JSObject box);
}

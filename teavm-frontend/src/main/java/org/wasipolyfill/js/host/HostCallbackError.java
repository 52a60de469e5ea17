package org.wasipolyfill.js.host;

import org.teavm.jso.JSObject;

/**
 * A JS exception thrown by a host callback (a stdout function), carried through the core's Java
 * frames so the import wrapper can rethrow the original value untouched.
 */
public final class HostCallbackError extends RuntimeException {
    private final transient JSObject thrown;

    public HostCallbackError(JSObject thrown) {
        super("a host callback threw", null, false, false);
        this.thrown = thrown;
    }

    public JSObject thrown() {
        return thrown;
    }
}

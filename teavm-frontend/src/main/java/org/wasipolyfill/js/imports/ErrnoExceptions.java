package org.wasipolyfill.js.imports;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.ErrnoException;

/**
 * Makes each shared {@link ErrnoException} before any guest runs. TeaVM gives a Java exception a JS
 * {@code Error}, with a captured stack, when it is constructed. The core keeps one
 * {@code ErrnoException} per errno, made on first use, so without this the first failing call of each
 * errno would capture a stack holding a guest's wasm frames, and through them its instance and
 * linear memory, for as long as the page lives.
 *
 * <p>The stacks are captured with V8's {@code Error.stackTraceLimit} at 0: nobody ever sees these
 * errors (a failing call returns the errno), and capturing 76 real stacks was a noticeable part of
 * the first {@code new WASI}. Engines without the setting capture as usual.
 */
final class ErrnoExceptions {
    private static boolean prepared;

    private ErrnoExceptions() {}

    /**
     * Idempotent. Called where an import namespace is made: no guest can call an import before
     * that, so no guest frame is on the stack.
     */
    static void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        JSObject limit = swapStackTraceLimit();
        try {
            for (int errno = Errno.SUCCESS + 1; errno <= Errno.NOTCAPABLE; errno++) {
                ErrnoException.of(errno);
            }
        } finally {
            restoreStackTraceLimit(limit);
        }
    }

    /** Sets V8's limit to 0 and returns a box holding the old value, or null where there is none. */
    @JSBody(script = "if (typeof Error.stackTraceLimit !== 'number') return null;"
            + " var old = { limit: Error.stackTraceLimit }; Error.stackTraceLimit = 0; return old;")
    private static native JSObject swapStackTraceLimit();

    @JSBody(params = "old", script = "if (old !== null) Error.stackTraceLimit = old.limit;")
    private static native void restoreStackTraceLimit(JSObject old);
}

package org.wasipolyfill.js.imports;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSBodyImport;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.ErrnoException;
import org.wasipolyfill.js.interop.JsModules;

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
        withoutStackTraces(() -> {
            for (int errno = Errno.SUCCESS + 1; errno <= Errno.NOTCAPABLE; errno++) {
                ErrnoException.of(errno);
            }
        });
    }

    @JSFunctor
    interface Action extends JSObject {
        void run();
    }

    /** Runs {@code action} with V8's {@code Error.stackTraceLimit} at 0 (src/main/core/imports/errors.mjs). */
    @JSBody(params = "action", script = "errors.withoutStackTraces(action);",
            imports = @JSBodyImport(alias = "errors", fromModule = JsModules.ERRORS))
    private static native void withoutStackTraces(Action action);
}

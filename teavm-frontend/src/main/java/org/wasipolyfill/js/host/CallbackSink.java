package org.wasipolyfill.js.host;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.IoVecs;
import org.wasipolyfill.core.OutputSink;

/**
 * Hands each write to a JS function as a {@code Uint8Array} that is the function's to keep (see
 * {@link OutputChunks}). Whatever the function throws reaches the caller of {@code start()}
 * unchanged (see {@link HostCallbackError}).
 */
public final class CallbackSink implements OutputSink {
    private final JSObject callback;

    public CallbackSink(JSObject callback) {
        this.callback = callback;
    }

    @Override
    public void write(IoVecs data, int total) {
        JSObject failure = call(callback, OutputChunks.copy(data, total));
        if (failure != null) {
            throw HostCallbackError.unbox(failure);
        }
    }

    /** Null, or a box holding what the function threw (which may itself be null or undefined). */
    @JSBody(params = { "f", "chunk" }, script = "try { f(chunk); return null; } catch (e) { return { thrown: e }; }")
    private static native JSObject call(JSObject f, JSObject chunk);
}

package org.wasipolyfill.js.host;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.OutputSink;
import org.wasipolyfill.js.interop.Bytes;

/**
 * Hands each write to a JS function as a fresh {@code Uint8Array}: the core's buffer is only
 * valid during the call, the copy is the caller's to keep. Whatever the function throws reaches
 * the caller of {@code start()} unchanged (see {@link HostCallbackError}).
 */
public final class CallbackSink implements OutputSink {
    private final JSObject callback;

    public CallbackSink(JSObject callback) {
        this.callback = callback;
    }

    @Override
    public void write(byte[] data, int offset, int length) {
        if (length <= 0) {
            return;
        }
        JSObject failure = call(callback, Bytes.copyToUint8Array(data, offset, length));
        if (failure != null) {
            throw HostCallbackError.unbox(failure);
        }
    }

    /** Null, or a box holding what the function threw (which may itself be null or undefined). */
    @JSBody(params = { "f", "chunk" }, script = "try { f(chunk); return null; } catch (e) { return { thrown: e }; }")
    private static native JSObject call(JSObject f, JSObject chunk);
}

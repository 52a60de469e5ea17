package org.wasipolyfill.js.host;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.InputSource;
import org.wasipolyfill.core.Pending;
import org.wasipolyfill.js.interop.Bytes;
import org.wasipolyfill.js.interop.JsErrors;
import org.wasipolyfill.js.interop.JsValues;

/**
 * A stdin pulled from a host callback, one chunk whenever the guest reads and the last chunk is
 * used up: the callback returns a Uint8Array or a string; {@code null}, {@code undefined} or an
 * empty chunk is end of file, after which the callback is not called again.
 *
 * <p>A callback that blocks until its chunk comes (wasi-polyfill/worker's) may carry
 * {@code waitReadable(ms)}: true once a call would return at once, after waiting up to {@code ms}
 * for it. poll_oneoff then waits on it; without it the input is always readable.
 */
public final class PullInput implements InputSource, Pending {
    private static final byte[] NONE = new byte[0];

    private final JSObject callback;
    private byte[] chunk = NONE;
    private int position;
    private boolean ended;

    public PullInput(JSObject callback) {
        this.callback = callback;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (position == chunk.length && !pull()) {
            return 0;
        }
        int n = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, target, offset, n);
        position += n;
        return n;
    }

    @Override
    public Pending pending() {
        return position < chunk.length || ended || waitReadable(callback, 0) ? null : this;
    }

    @Override
    public boolean waitReady(long timeoutNanos) {
        return waitReadable(callback, timeoutNanos / 1e6);
    }

    private boolean pull() {
        if (ended) {
            return false;
        }
        JSObject box = call(callback);
        if (isFailure(box)) {
            throw HostCallbackError.unbox(box);
        }
        JSObject next = value(box);
        byte[] bytes = Bytes.ofChunk(next);
        if (bytes != null) {
            chunk = bytes;
        } else if (isThenable(next)) {
            throw new HostCallbackError(JsErrors.newTypeError("WASI: the stdin callback returned a promise:"
                    + " pass async: true"));
        } else {
            throw new HostCallbackError(JsErrors.newTypeError(
                    "WASI: the stdin callback must return a Uint8Array, a string or null, got " + JsValues.describe(next)));
        }
        position = 0;
        ended = chunk.length == 0;
        return !ended;
    }

    @JSBody(params = { "callback", "ms" }, script = "return !callback.waitReadable || callback.waitReadable(ms);")
    private static native boolean waitReadable(JSObject callback, double ms);

    /** {@code {value: v}} with what the callback returned, or {@code {thrown: e}} with what it threw. */
    @JSBody(params = "callback", script = "try { return { value: callback() }; } catch (e) { return { thrown: e }; }")
    private static native JSObject call(JSObject callback);

    @JSBody(params = "v", script = "return typeof v === 'object' && typeof v.then === 'function';")
    private static native boolean isThenable(JSObject v);

    @JSBody(params = "box", script = "return 'thrown' in box;")
    private static native boolean isFailure(JSObject box);

    @JSBody(params = "box", script = "return box.value;")
    private static native JSObject value(JSObject box);
}

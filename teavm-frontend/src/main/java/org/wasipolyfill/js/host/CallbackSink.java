package org.wasipolyfill.js.host;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.IoVecs;
import org.wasipolyfill.core.OutputSink;
import org.wasipolyfill.js.interop.Bytes;

/**
 * Hands each write to a JS function as a {@code Uint8Array} that is the function's to keep: the
 * guest's bytes are copied once, straight from its memory into the chunk's storage. Small chunks
 * are views into a shared slab, which saves an {@code ArrayBuffer} per write; no region of a slab
 * is written again once handed out. Slabs start small (most programs write a line or two) and
 * double up to {@link #SLAB_MAX}. Whatever the function throws reaches the caller of
 * {@code start()} unchanged (see {@link HostCallbackError}).
 */
public final class CallbackSink implements OutputSink {
    private static final int SLAB_MIN = 256;
    private static final int SLAB_MAX = 1 << 20;
    /** Larger chunks get an array of their own. */
    private static final int SLAB_CHUNK_MAX = SLAB_MAX / 8;
    private static final byte[] NO_SLAB = new byte[0];

    private final JSObject callback;
    private byte[] slab = NO_SLAB;
    private int slabUsed;

    public CallbackSink(JSObject callback) {
        this.callback = callback;
    }

    @Override
    public void write(IoVecs data, int total) {
        JSObject chunk;
        if (total > SLAB_CHUNK_MAX) {
            byte[] own = new byte[total];
            data.gather(own, 0);
            chunk = Bytes.viewAsUint8Array(own);
        } else {
            if (slab.length - slabUsed < total) {
                slab = new byte[Math.min(SLAB_MAX, Math.max(Math.max(slab.length * 2, SLAB_MIN), total))];
                slabUsed = 0;
            }
            data.gather(slab, slabUsed);
            chunk = Bytes.view(slab, slabUsed, total);
            slabUsed += total;
        }
        JSObject failure = call(callback, chunk);
        if (failure != null) {
            throw HostCallbackError.unbox(failure);
        }
    }

    /** Null, or a box holding what the function threw (which may itself be null or undefined). */
    @JSBody(params = { "f", "chunk" }, script = "try { f(chunk); return null; } catch (e) { return { thrown: e }; }")
    private static native JSObject call(JSObject f, JSObject chunk);
}

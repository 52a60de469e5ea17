package org.wasipolyfill.js.host;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSBodyImport;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.InputSource;
import org.wasipolyfill.core.Pending;
import org.wasipolyfill.js.interop.Bytes;
import org.wasipolyfill.js.interop.JsErrors;
import org.wasipolyfill.js.interop.JsModules;
import org.wasipolyfill.js.interop.JsValues;

/**
 * A stdin fed asynchronously (async mode): by a function whose result, or the promise it returns,
 * is the next chunk (a Uint8Array or a string; {@code null}, {@code undefined} or an empty chunk
 * is end of file), or by the reader of a ReadableStream (its end is end of file, an empty chunk is
 * skipped). The next chunk is asked for only when the guest reads with nothing buffered; until it
 * arrives the read is {@link #pending()} and the suspending import awaits {@link #whenReady()}.
 *
 * <p>A Uint8Array chunk is copied into the core {@link #SLICE} bytes at a time as the guest reads
 * it, so a huge chunk costs its own size and a MiB, not twice its size; the source is asked for the
 * next chunk only when this one is used up, so nothing queues.
 */
public final class AsyncInput implements InputSource, Awaitable {
    private static final byte[] NONE = new byte[0];
    private static final int SLICE = 1 << 20;

    private final JSObject callback;
    private final JSObject reader;
    private byte[] chunk = NONE;
    private int position;
    /** The Uint8Array chunk whose bytes from {@code restOffset} are not yet in {@link #chunk}, or null. */
    private JSObject rest;
    private int restOffset;
    private int restLength;
    private boolean ended;
    private JSObject arriving;

    private AsyncInput(JSObject callback, JSObject reader) {
        this.callback = callback;
        this.reader = reader;
    }

    /** Chunks from {@code callback()}, awaited when it returns a promise. */
    public static AsyncInput ofCallback(JSObject callback) {
        return new AsyncInput(callback, null);
    }

    /** Chunks from a ReadableStream, which stays locked to this input. */
    public static AsyncInput ofStream(JSObject stream) {
        return new AsyncInput(null, reader(stream));
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (position == chunk.length && rest != null) {
            nextSlice();
        }
        int n = Math.min(length, chunk.length - position);
        if (n == 0 && !ended) {
            throw new IllegalStateException("stdin read before its next chunk arrived");
        }
        System.arraycopy(chunk, position, target, offset, n);
        position += n;
        return n;
    }

    @Override
    public Pending pending() {
        return position < chunk.length || rest != null || ended ? null : this;
    }

    @Override
    public int buffered() {
        return chunk.length - position + (rest != null ? restLength - restOffset : 0);
    }

    private void nextSlice() {
        int n = Math.min(SLICE, restLength - restOffset);
        chunk = Bytes.fromUint8Array(rest, restOffset, n);
        position = 0;
        restOffset += n;
        if (restOffset == restLength) {
            rest = null;
        }
    }

    @Override
    public JSObject whenReady() {
        if (arriving == null) {
            arriving = nextChunk(callback, reader, this::accept);
        }
        return arriving;
    }

    /** Takes what the source gave; false for an empty stream chunk, after which the stream is read again. */
    private boolean accept(JSObject value) {
        if (JsValues.isUint8Array(value) && JsValues.length(value) > SLICE) {
            arriving = null;
            rest = value;
            restOffset = 0;
            restLength = JsValues.length(value);
            nextSlice();
            return true;
        }
        byte[] next = Bytes.ofChunk(value);
        if (next == null) {
            throw JsErrors.typeError("WASI: stdin gave " + JsValues.describe(value)
                    + ", not a Uint8Array, a string or null");
        }
        if (next.length == 0 && reader != null && !JsValues.isNullish(value)) {
            return false;
        }
        arriving = null;
        chunk = next;
        position = 0;
        ended = next.length == 0;
        return true;
    }

    @JSBody(params = "stream", script = "return stream.getReader();")
    private static native JSObject reader(JSObject stream);

    /** Takes a chunk the source gave: true when taken, false to read the stream again. */
    @JSFunctor
    interface Accept extends JSObject {
        boolean accept(JSObject value);
    }

    /** A promise that settles once {@code accept} has taken the next chunk (src/main/core/async/stdin.mjs). */
    @JSBody(params = { "callback", "reader", "accept" }, script = "return stdin.nextChunk(callback, reader, accept);",
            imports = @JSBodyImport(alias = "stdin", fromModule = JsModules.STDIN))
    private static native JSObject nextChunk(JSObject callback, JSObject reader, Accept accept);
}

package org.wasipolyfill.js.host;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int8Array;
import org.wasipolyfill.core.RandomSource;

/**
 * {@code random_get} over {@code crypto.getRandomValues}. Small requests (wasi-libc's
 * {@code getentropy} asks for at most 256 bytes) are served from a 64 KiB pool refilled by one
 * {@code getRandomValues} call, whose fixed cost would otherwise dominate; every pooled byte is
 * handed out once. Large requests are filled piece by piece (the API refuses more than 65536
 * bytes per call) straight into the Java array's storage.
 */
public final class JsRandom implements RandomSource {
    public static final JsRandom INSTANCE = new JsRandom();

    private static final int MAX_PIECE = 65536;
    private static final int POOLED_MAX = 4096;

    private final JSObject pool = newPool(MAX_PIECE);
    /** Bytes of {@link #pool} already handed out; the pool starts empty. */
    private int used = MAX_PIECE;

    private JsRandom() {}

    @Override
    public void fill(byte[] target, int offset, int length) {
        if (offset < 0 || length < 0 || offset > target.length - length) {
            throw new IndexOutOfBoundsException("range [" + offset + ", +" + length + ") of a "
                    + target.length + "-byte array");
        }
        Int8Array storage = Int8Array.fromJavaArray(target);
        if (length <= POOLED_MAX) {
            if (MAX_PIECE - used < length) {
                refill(pool);
                used = 0;
            }
            copyFromPool(pool, used, storage, offset, length);
            used += length;
            return;
        }
        for (int at = offset, end = offset + length; at < end; at += MAX_PIECE) {
            getRandomValues(storage, at, Math.min(MAX_PIECE, end - at));
        }
    }

    @JSBody(params = "size", script = "return new Int8Array(size);")
    private static native JSObject newPool(int size);

    @JSBody(params = "pool", script = "crypto.getRandomValues(pool);")
    private static native void refill(JSObject pool);

    @JSBody(params = { "pool", "at", "target", "offset", "length" },
            script = "target.set(pool.subarray(at, at + length), offset);")
    private static native void copyFromPool(JSObject pool, int at, Int8Array target, int offset, int length);

    @JSBody(params = { "a", "offset", "length" },
            script = "crypto.getRandomValues(a.subarray(offset, offset + length));")
    private static native void getRandomValues(Int8Array a, int offset, int length);
}

package org.wasipolyfill.js.host;

import org.teavm.jso.JSBody;
import org.teavm.jso.typedarrays.Int8Array;
import org.wasipolyfill.core.RandomSource;

/**
 * {@code random_get} over {@code crypto.getRandomValues}, which refuses more than 65536 bytes per
 * call, so a large request is filled piece by piece straight into the Java array's storage.
 */
public final class JsRandom implements RandomSource {
    public static final JsRandom INSTANCE = new JsRandom();

    private static final int MAX_PIECE = 65536;

    private JsRandom() {}

    @Override
    public void fill(byte[] target, int offset, int length) {
        if (offset < 0 || length < 0 || offset > target.length - length) {
            throw new IndexOutOfBoundsException("range [" + offset + ", +" + length + ") of a "
                    + target.length + "-byte array");
        }
        Int8Array storage = Int8Array.fromJavaArray(target);
        for (int at = offset, end = offset + length; at < end; at += MAX_PIECE) {
            getRandomValues(storage, at, Math.min(MAX_PIECE, end - at));
        }
    }

    @JSBody(params = { "a", "offset", "length" },
            script = "crypto.getRandomValues(a.subarray(offset, offset + length));")
    private static native void getRandomValues(Int8Array a, int offset, int length);
}

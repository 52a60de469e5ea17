package org.wasipolyfill.js.host;

import org.teavm.jso.JSBody;
import org.teavm.jso.typedarrays.Int8Array;
import org.wasipolyfill.core.RandomSource;
import org.wasipolyfill.core.memory.GuestMemory;

/**
 * {@code random_get} over {@code crypto.getRandomValues}, through a 64 KiB pool: one
 * {@code getRandomValues} call refills it (its fixed cost would dominate wasi-libc's
 * {@code getentropy}, which asks for at most 256 bytes), and each request is one copy from the
 * pool into guest memory. Every pooled byte is handed out once.
 */
public final class JsRandom implements RandomSource {
    public static final JsRandom INSTANCE = new JsRandom();

    /** The most {@code getRandomValues} fills in one call. */
    private static final int POOL_SIZE = 65536;

    private final byte[] pool = new byte[POOL_SIZE];
    /** Bytes of {@link #pool} already handed out; the pool starts empty. */
    private int used = POOL_SIZE;

    private JsRandom() {}

    @Override
    public void fill(GuestMemory memory, int address, int length) {
        int done = 0;
        while (done < length) {
            if (used == POOL_SIZE) {
                refill(Int8Array.fromJavaArray(pool));
                used = 0;
            }
            int n = Math.min(length - done, POOL_SIZE - used);
            memory.write(address + done, pool, used, n);
            used += n;
            done += n;
        }
    }

    @JSBody(params = "pool", script = "crypto.getRandomValues(pool);")
    private static native void refill(Int8Array pool);
}

package org.wasipolyfill.js.host;

import org.teavm.jso.JSObject;
import org.wasipolyfill.core.IoVecs;
import org.wasipolyfill.js.interop.Bytes;

/**
 * Makes the {@code Uint8Array} chunks handed to output callbacks, each the callback's to keep: the
 * guest's bytes are copied once, straight from its memory into the chunk's storage. Small chunks
 * are views into slabs shared by every sink of the page, so neither a write nor a run (a WASI is
 * made per run) costs an {@code ArrayBuffer} of its own; no region of a slab is written again once
 * handed out. Slabs start small (most programs write a line or two) and double up to
 * {@link #SLAB_MAX}, so a chunk kept keeps at most that much with it. The bound is small on
 * purpose: when the callback copies each chunk and drops it, a slab of this size is soon free and
 * reused by the allocator while still in cache, where a larger one would be fresh memory each time.
 */
final class OutputChunks {
    private static final int SLAB_MIN = 256;
    private static final int SLAB_MAX = 1 << 16;
    /** Larger chunks get an array of their own. */
    private static final int SLAB_CHUNK_MAX = SLAB_MAX / 8;

    private static byte[] slab = new byte[0];
    private static int slabUsed;

    private OutputChunks() {}

    /** The {@code total} bytes of {@code data} in a new chunk. */
    static JSObject copy(IoVecs data, int total) {
        if (total > SLAB_CHUNK_MAX) {
            byte[] own = new byte[total];
            data.gather(own, 0);
            return Bytes.viewAsUint8Array(own);
        }
        if (slab.length - slabUsed < total) {
            slab = new byte[Math.min(SLAB_MAX, Math.max(Math.max(slab.length * 2, SLAB_MIN), total))];
            slabUsed = 0;
        }
        int start = slabUsed;
        data.gather(slab, start);
        slabUsed = start + total;
        return Bytes.view(slab, start, total);
    }
}

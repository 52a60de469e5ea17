package org.wasipolyfill.js.host;

import org.wasipolyfill.core.InputSource;

/** A stdin given up front: the bytes are read once, then every read is end of file. */
public final class BytesInput implements InputSource {
    private final byte[] bytes;
    private int position;

    public BytesInput(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        int n = Math.min(length, bytes.length - position);
        if (n <= 0) {
            return 0;
        }
        System.arraycopy(bytes, position, target, offset, n);
        position += n;
        return n;
    }
}

package org.wasipolyfill.core.fs;

import java.util.Arrays;
import org.wasipolyfill.core.Utf8;

/** One path component as the guest wrote it: bytes, compared byte for byte. */
public final class FileName {
    private final byte[] bytes;
    private final int hash;

    public FileName(byte[] bytes) {
        this(bytes, hash(bytes, 0, bytes.length));
    }

    /** {@code hash} must be {@code hash(bytes, 0, bytes.length)}. */
    FileName(byte[] bytes, int hash) {
        this.bytes = bytes;
        this.hash = hash;
    }

    public static FileName of(String name) {
        return new FileName(Utf8.encode(name));
    }

    /** The hash of {@code bytes[offset, offset + length)}, equal to {@link Arrays#hashCode(byte[])} of that range. */
    public static int hash(byte[] bytes, int offset, int length) {
        int h = 1;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }

    /** Whether this name is exactly {@code bytes[offset, offset + length)}, whose hash is {@code hash}. */
    boolean matches(int hash, byte[] other, int offset, int length) {
        if (this.hash != hash || bytes.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[i] != other[offset + i]) {
                return false;
            }
        }
        return true;
    }

    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileName name && hash == name.hash && Arrays.equals(bytes, name.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Utf8.decode(bytes);
    }
}

package org.wasipolyfill.core.fs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** One path component as the guest wrote it: bytes, compared byte for byte. */
public final class FileName {
    private final byte[] bytes;
    private final int hash;

    public FileName(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    public static FileName of(String name) {
        return new FileName(name.getBytes(StandardCharsets.UTF_8));
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
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

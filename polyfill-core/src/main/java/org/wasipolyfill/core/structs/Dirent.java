package org.wasipolyfill.core.structs;

import org.wasipolyfill.core.abi.Layout;

/**
 * {@code dirent}, the header fd_readdir writes before each name: d_next u64, d_ino u64, d_namlen
 * u32, d_type u8 and three bytes of padding. Written into a byte array, so that a header and its
 * name reach the guest in one copy, which may be cut short at the end of the buffer.
 */
public final class Dirent {
    private Dirent() {}

    /** {@code next} and {@code ino} are below 2^31 and 2^32 here: their high halves are zero. */
    public static void writeHeader(byte[] target, int at, int next, int ino, int nameLength, int fileType) {
        putI32(target, at + Layout.DIRENT_NEXT, next);
        putI32(target, at + Layout.DIRENT_NEXT + 4, 0);
        putI32(target, at + Layout.DIRENT_INO, ino);
        putI32(target, at + Layout.DIRENT_INO + 4, 0);
        putI32(target, at + Layout.DIRENT_NAMLEN, nameLength);
        putI32(target, at + Layout.DIRENT_TYPE, fileType);
    }

    private static void putI32(byte[] target, int at, int value) {
        target[at] = (byte) value;
        target[at + 1] = (byte) (value >>> 8);
        target[at + 2] = (byte) (value >>> 16);
        target[at + 3] = (byte) (value >>> 24);
    }
}

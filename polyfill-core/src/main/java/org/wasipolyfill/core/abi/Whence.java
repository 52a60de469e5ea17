package org.wasipolyfill.core.abi;

/** witx {@code whence} (u8): the base of fd_seek (preview1 order; wasi_unstable numbers them differently). */
public final class Whence {
    private Whence() {}

    public static final int SET = 0;
    public static final int CUR = 1;
    public static final int END = 2;
}

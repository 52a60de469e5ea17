package org.wasipolyfill.core.abi;

/** witx {@code advice} (u8): the access pattern fd_advise announces. */
public final class Advice {
    private Advice() {}

    public static final int NORMAL = 0;
    public static final int SEQUENTIAL = 1;
    public static final int RANDOM = 2;
    public static final int WILLNEED = 3;
    public static final int DONTNEED = 4;
    public static final int NOREUSE = 5;
}

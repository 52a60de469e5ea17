package org.wasipolyfill.core.abi;

/** witx {@code fstflags} (u16): which timestamps the set_times calls change. */
public final class FstFlags {
    private FstFlags() {}

    public static final int ATIM = 1;
    public static final int ATIM_NOW = 2;
    public static final int MTIM = 4;
    public static final int MTIM_NOW = 8;
}

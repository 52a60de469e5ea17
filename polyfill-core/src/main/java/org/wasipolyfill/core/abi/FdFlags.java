package org.wasipolyfill.core.abi;

/** witx {@code fdflags} (u16): per-descriptor I/O flags. */
public final class FdFlags {
    private FdFlags() {}

    public static final int APPEND = 1;
    public static final int DSYNC = 2;
    public static final int NONBLOCK = 4;
    public static final int RSYNC = 8;
    public static final int SYNC = 16;
}

package org.wasipolyfill.core.abi;

/** witx {@code oflags} (u16): how path_open creates or truncates. */
public final class OFlags {
    private OFlags() {}

    public static final int CREAT = 1;
    public static final int DIRECTORY = 2;
    public static final int EXCL = 4;
    public static final int TRUNC = 8;
}

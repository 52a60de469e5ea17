package org.wasipolyfill.core.abi;

/**
 * Sizes and field offsets of the {@code wasi_unstable} (snapshot 0) structs that differ from
 * preview1's {@link Layout} (witx {@code legacy/preview0/witx/typenames.witx}, wasm32). Every
 * other struct (iovec, fdstat, dirent, prestat, event) is laid out as in preview1.
 */
public final class UnstableLayout {
    private UnstableLayout() {}

    /** {@code filestat}: {@code nlink} is a u32 ({@code linkcount}), so every later field is 8 bytes earlier. */
    public static final int FILESTAT_SIZE = 56;
    public static final int FILESTAT_DEV = 0;
    public static final int FILESTAT_INO = 8;
    public static final int FILESTAT_FILETYPE = 16;
    public static final int FILESTAT_NLINK = 20;
    public static final int FILESTAT_SIZE_FIELD = 24;
    public static final int FILESTAT_ATIM = 32;
    public static final int FILESTAT_MTIM = 40;
    public static final int FILESTAT_CTIM = 48;

    /**
     * {@code subscription}: {@code subscription_clock} starts with a u64 {@code identifier}, which
     * moves its other fields 8 bytes later than preview1's and makes the struct 56 bytes.
     * {@code subscription_fd_readwrite} is where preview1 has it.
     */
    public static final int SUBSCRIPTION_SIZE = 56;
    public static final int SUBSCRIPTION_USERDATA = 0;
    public static final int SUBSCRIPTION_TAG = 8;
    public static final int SUBSCRIPTION_CLOCK_IDENTIFIER = 16;
    public static final int SUBSCRIPTION_CLOCK_ID = 24;
    public static final int SUBSCRIPTION_CLOCK_TIMEOUT = 32;
    public static final int SUBSCRIPTION_CLOCK_PRECISION = 40;
    public static final int SUBSCRIPTION_CLOCK_FLAGS = 48;
    public static final int SUBSCRIPTION_FD = 16;
}

package org.wasipolyfill.core.abi;

/**
 * Sizes and field offsets of the preview1 structs (witx typenames.witx, wasm32: pointers and
 * sizes are u32, all little-endian), for the writers in {@code core.structs} and the syscall
 * layer's readers of guest structs (IoVecs, PollOneoff, Unstable).
 */
public final class Layout {
    private Layout() {}

    /** {@code iovec} / {@code ciovec}: buf u32, buf_len u32. */
    public static final int IOVEC_SIZE = 8;
    public static final int IOVEC_BUF = 0;
    public static final int IOVEC_BUF_LEN = 4;

    /** {@code fdstat}. */
    public static final int FDSTAT_SIZE = 24;
    public static final int FDSTAT_FILETYPE = 0;
    public static final int FDSTAT_FLAGS = 2;
    public static final int FDSTAT_RIGHTS_BASE = 8;
    public static final int FDSTAT_RIGHTS_INHERITING = 16;

    /** {@code filestat}. */
    public static final int FILESTAT_SIZE = 64;
    public static final int FILESTAT_DEV = 0;
    public static final int FILESTAT_INO = 8;
    public static final int FILESTAT_FILETYPE = 16;
    public static final int FILESTAT_NLINK = 24;
    public static final int FILESTAT_SIZE_FIELD = 32;
    public static final int FILESTAT_ATIM = 40;
    public static final int FILESTAT_MTIM = 48;
    public static final int FILESTAT_CTIM = 56;

    /** {@code dirent}, followed in fd_readdir's buffer by d_namlen bytes of name. */
    public static final int DIRENT_SIZE = 24;
    public static final int DIRENT_NEXT = 0;
    public static final int DIRENT_INO = 8;
    public static final int DIRENT_NAMLEN = 16;
    public static final int DIRENT_TYPE = 20;

    /** {@code prestat}: tag u8, then prestat_dir.pr_name_len u32. */
    public static final int PRESTAT_SIZE = 8;
    public static final int PRESTAT_TAG = 0;
    public static final int PRESTAT_DIR_NAME_LEN = 4;

    /** {@code subscription}: userdata, then the tagged union {@code subscription_u}. */
    public static final int SUBSCRIPTION_SIZE = 48;
    public static final int SUBSCRIPTION_USERDATA = 0;
    public static final int SUBSCRIPTION_TAG = 8;
    public static final int SUBSCRIPTION_CLOCK_ID = 16;
    public static final int SUBSCRIPTION_CLOCK_TIMEOUT = 24;
    public static final int SUBSCRIPTION_CLOCK_PRECISION = 32;
    public static final int SUBSCRIPTION_CLOCK_FLAGS = 40;
    public static final int SUBSCRIPTION_FD = 16;

    /** {@code event}. */
    public static final int EVENT_SIZE = 32;
    public static final int EVENT_USERDATA = 0;
    public static final int EVENT_ERROR = 8;
    public static final int EVENT_TYPE = 10;
    public static final int EVENT_FD_NBYTES = 16;
    public static final int EVENT_FD_FLAGS = 24;
}

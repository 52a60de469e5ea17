package org.wasipolyfill.core.abi;

/** witx {@code filetype} (u8): the type of a file or descriptor. */
public final class FileType {
    private FileType() {}

    public static final int UNKNOWN = 0;
    public static final int BLOCK_DEVICE = 1;
    public static final int CHARACTER_DEVICE = 2;
    public static final int DIRECTORY = 3;
    public static final int REGULAR_FILE = 4;
    public static final int SOCKET_DGRAM = 5;
    public static final int SOCKET_STREAM = 6;
    public static final int SYMBOLIC_LINK = 7;
}

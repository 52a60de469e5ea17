package org.wasipolyfill.core.abi;

/**
 * witx {@code rights}: a 64-bit capability set carried by every descriptor. Every right preview1
 * defines lies in the low 30 bits, so sets are held as {@code int}: in TeaVM's output a {@code long}
 * is a BigInt, and a right checked or handed down on every call would allocate. The guest's u64
 * values are narrowed where they enter ({@code path_open}, {@code fd_fdstat_set_rights}).
 */
public final class Rights {
    private Rights() {}

    public static final int FD_DATASYNC = 1 << 0;
    public static final int FD_READ = 1 << 1;
    public static final int FD_SEEK = 1 << 2;
    public static final int FD_FDSTAT_SET_FLAGS = 1 << 3;
    public static final int FD_SYNC = 1 << 4;
    public static final int FD_TELL = 1 << 5;
    public static final int FD_WRITE = 1 << 6;
    public static final int FD_ADVISE = 1 << 7;
    public static final int FD_ALLOCATE = 1 << 8;
    public static final int PATH_CREATE_DIRECTORY = 1 << 9;
    public static final int PATH_CREATE_FILE = 1 << 10;
    public static final int PATH_LINK_SOURCE = 1 << 11;
    public static final int PATH_LINK_TARGET = 1 << 12;
    public static final int PATH_OPEN = 1 << 13;
    public static final int FD_READDIR = 1 << 14;
    public static final int PATH_READLINK = 1 << 15;
    public static final int PATH_RENAME_SOURCE = 1 << 16;
    public static final int PATH_RENAME_TARGET = 1 << 17;
    public static final int PATH_FILESTAT_GET = 1 << 18;
    public static final int PATH_FILESTAT_SET_SIZE = 1 << 19;
    public static final int PATH_FILESTAT_SET_TIMES = 1 << 20;
    public static final int FD_FILESTAT_GET = 1 << 21;
    public static final int FD_FILESTAT_SET_SIZE = 1 << 22;
    public static final int FD_FILESTAT_SET_TIMES = 1 << 23;
    public static final int PATH_SYMLINK = 1 << 24;
    public static final int PATH_REMOVE_DIRECTORY = 1 << 25;
    public static final int PATH_UNLINK_FILE = 1 << 26;
    public static final int POLL_FD_READWRITE = 1 << 27;
    public static final int SOCK_SHUTDOWN = 1 << 28;
    public static final int SOCK_ACCEPT = 1 << 29;

    public static final int ALL = (1 << 30) - 1;

    /** What a regular file can ever be asked to do. */
    public static final int REGULAR_FILE_BASE = FD_DATASYNC | FD_READ | FD_SEEK | FD_FDSTAT_SET_FLAGS
            | FD_SYNC | FD_TELL | FD_WRITE | FD_ADVISE | FD_ALLOCATE | FD_FILESTAT_GET
            | FD_FILESTAT_SET_SIZE | FD_FILESTAT_SET_TIMES | POLL_FD_READWRITE;

    /**
     * What a directory can ever be asked to do (path operations inside it, readdir, stat). As in
     * Wasmtime, fsync, fd_advise and fd_fdstat_set_flags on a directory are EBADF.
     */
    public static final int DIRECTORY_BASE = PATH_CREATE_DIRECTORY | PATH_CREATE_FILE | PATH_LINK_SOURCE | PATH_LINK_TARGET
            | PATH_OPEN | FD_READDIR | PATH_READLINK | PATH_RENAME_SOURCE | PATH_RENAME_TARGET
            | PATH_FILESTAT_GET | PATH_FILESTAT_SET_SIZE | PATH_FILESTAT_SET_TIMES
            | FD_FILESTAT_GET | FD_FILESTAT_SET_TIMES | PATH_SYMLINK | PATH_REMOVE_DIRECTORY
            | PATH_UNLINK_FILE;

    /** What a directory hands down to what is opened through it. */
    public static final int DIRECTORY_INHERITING = DIRECTORY_BASE | REGULAR_FILE_BASE;

    /**
     * What a read-only preopen may do: look, never change. Without PATH_LINK_SOURCE and
     * PATH_RENAME_SOURCE none of its files can be given a name in a writable directory.
     */
    public static final int READ_ONLY_DIRECTORY_BASE = PATH_OPEN | FD_READDIR | PATH_READLINK | PATH_FILESTAT_GET
            | FD_FILESTAT_GET;

    /** What a read-only preopen hands down: directories as itself, files that can only be read. */
    public static final int READ_ONLY_INHERITING = READ_ONLY_DIRECTORY_BASE | FD_DATASYNC | FD_READ | FD_SEEK
            | FD_FDSTAT_SET_FLAGS | FD_SYNC | FD_TELL | FD_ADVISE | POLL_FD_READWRITE;

    /**
     * The rights a read-only mount refuses with EPERM, as Wasmtime's DirPerms/FilePerms without
     * MUTATE/WRITE do: every change but writing and allocating, which stay EBADF.
     */
    public static final int MOUNT_CHANGES = PATH_CREATE_DIRECTORY | PATH_CREATE_FILE | PATH_LINK_SOURCE
            | PATH_LINK_TARGET | PATH_RENAME_SOURCE | PATH_RENAME_TARGET | PATH_FILESTAT_SET_SIZE
            | PATH_FILESTAT_SET_TIMES | FD_FILESTAT_SET_SIZE | FD_FILESTAT_SET_TIMES | PATH_SYMLINK
            | PATH_REMOVE_DIRECTORY | PATH_UNLINK_FILE;

    /** What a terminal-like stdio stream can be asked to do. */
    public static final int CHARACTER_DEVICE_BASE = FD_READ | FD_FDSTAT_SET_FLAGS | FD_WRITE
            | FD_FILESTAT_GET | POLL_FD_READWRITE;

    /**
     * The rights wasi-libc derives from an open's access mode (O_RDONLY/O_WRONLY). Lacking one of
     * these is EBADF, as POSIX and Wasmtime answer a write to a read-only descriptor; lacking any
     * other right is ENOTCAPABLE.
     */
    public static final int ACCESS_MODE = FD_READ | FD_WRITE | FD_DATASYNC | FD_ALLOCATE
            | FD_FILESTAT_SET_SIZE | FD_READDIR;

}

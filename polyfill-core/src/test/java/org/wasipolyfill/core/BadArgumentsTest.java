package org.wasipolyfill.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.wasipolyfill.core.GuestFixture.DATA;
import static org.wasipolyfill.core.GuestFixture.IOVS;
import static org.wasipolyfill.core.GuestFixture.OUT;
import static org.wasipolyfill.core.GuestFixture.PATH;
import static org.wasipolyfill.core.GuestFixture.PATH2;
import static org.wasipolyfill.core.GuestFixture.PREOPEN;
import static org.wasipolyfill.core.GuestFixture.SIZE;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wasipolyfill.core.abi.Advice;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.EventType;
import org.wasipolyfill.core.abi.FdFlags;
import org.wasipolyfill.core.abi.FstFlags;
import org.wasipolyfill.core.abi.Layout;
import org.wasipolyfill.core.abi.OFlags;
import org.wasipolyfill.core.abi.Whence;

/**
 * Every preview1 import called with bad arguments: a fd that is not open or was closed, a directory
 * where a file is needed and the reverse, stdio where a file is needed, pointers at the last byte
 * of memory, past it and wrapping past 2^32, absurd lengths and iovec counts, and flags, whence
 * values and clock ids no witx type names. Each row is answered with its errno or a clean
 * {@link WasiTrap} (which the hosts turn into a trap naming the call), never another exception.
 *
 * <p>The errnos are Wasmtime's where it has one: pointers it must dereference out of bounds trap;
 * a flags or enum argument with an unknown value is EINVAL (wiggle's decoding); wrong kinds of
 * descriptor are mostly EBADF (see conformance/README.md). Rows marked "ours" pin an answer where
 * this host deliberately differs (also in that README).
 */
class BadArgumentsTest {
    /** What a row expects besides an errno. */
    private static final int TRAP = -1;
    private static final int EXIT = -2;

    private static final int LAST = SIZE - 1;
    private static final int END = SIZE;
    /** 16 bytes from here wrap past 2^32. */
    private static final int WRAP = 0xFFFFFFF8;
    private static final int NOT_OPEN = 1000;

    /** The fixture with a file at fd 4, a directory at 5, and fd 6 opened and closed again. */
    static final class Guest {
        final GuestFixture fixture = new GuestFixture();
        final Preview1Calls w = fixture.wasi;
        final int file = fixture.open("f", 0);
        final int dir = fixture.open("d", OFlags.DIRECTORY);
        final int closed;

        Guest() {
            closed = fixture.open("f", 0);
            w.fdClose(closed);
            fixture.iovec(8);
            fixture.path("f");
            fixture.path2("g");
        }

        /** An iovec array of {@code buf, len} pairs at IOVS. */
        int iovecs(int... bufAndLength) {
            for (int i = 0; i < bufAndLength.length; i++) {
                fixture.memory.writeI32(IOVS + 4 * i, bufAndLength[i]);
            }
            return IOVS;
        }

        int path(String p) {
            return fixture.path(p);
        }

        /** One subscription at DATA: a tag and, for a clock, its id; for fd events, the fd. */
        int subscription(int tag, int clockIdOrFd) {
            fixture.memory.fill(DATA, Layout.SUBSCRIPTION_SIZE);
            fixture.memory.writeU8(DATA + Layout.SUBSCRIPTION_TAG, tag);
            fixture.memory.writeI32(DATA + Layout.SUBSCRIPTION_CLOCK_ID, clockIdOrFd);
            return DATA;
        }
    }

    interface Invocation {
        int call(Guest g);
    }

    private static final List<Arguments> ROWS = new ArrayList<>();

    private static void row(String importName, String what, int expected, Invocation call) {
        ROWS.add(Arguments.of(importName, what, expected, call));
    }

    static {
        row("args_get", "argv at the end of memory", TRAP, g -> g.w.argsGet(END, OUT));
        row("args_get", "argv buffer at the last byte", TRAP, g -> g.w.argsGet(OUT, LAST));
        row("args_get", "argv wrapping past 2^32", TRAP, g -> g.w.argsGet(WRAP, OUT));
        row("args_sizes_get", "argc at the last byte", TRAP, g -> g.w.argsSizesGet(LAST, OUT));
        row("args_sizes_get", "size wrapping past 2^32", TRAP, g -> g.w.argsSizesGet(OUT, -2));
        row("environ_get", "buffer past the end", TRAP, g -> g.w.environGet(OUT, END));
        row("environ_get", "environ at -4", TRAP, g -> g.w.environGet(-4, OUT));
        row("environ_sizes_get", "count past the end", TRAP, g -> g.w.environSizesGet(END, OUT));
        row("environ_sizes_get", "size at the last byte", TRAP, g -> g.w.environSizesGet(OUT, LAST));
        row("clock_res_get", "clock id 4", Errno.INVAL, g -> g.w.clockResGet(4, OUT));
        row("clock_res_get", "clock id -1", Errno.INVAL, g -> g.w.clockResGet(-1, OUT));
        row("clock_res_get", "result at the last byte", TRAP, g -> g.w.clockResGet(0, LAST));
        row("clock_res_get", "result in the last 8 bytes", Errno.SUCCESS, g -> g.w.clockResGet(0, SIZE - 8));
        row("clock_time_get", "clock id 99", Errno.INVAL, g -> g.w.clockTimeGet(99, 0, OUT));
        row("clock_time_get", "result past the end", TRAP, g -> g.w.clockTimeGet(1, 0, END));
        row("clock_time_get", "result wrapping past 2^32", TRAP, g -> g.w.clockTimeGet(0, 0, -4));
        row("clock_time_get", "realtime result 7 bytes before the end", TRAP, g -> g.w.clockTimeGet(0, 0, SIZE - 7));

        row("fd_advise", "a closed fd", Errno.BADF, g -> g.w.fdAdvise(g.closed, 0, 1, Advice.NORMAL));
        row("fd_advise", "a directory", Errno.BADF, g -> g.w.fdAdvise(g.dir, 0, 1, Advice.NORMAL));
        row("fd_advise", "advice 6", Errno.INVAL, g -> g.w.fdAdvise(g.file, 0, 1, 6));
        row("fd_advise", "advice -1", Errno.INVAL, g -> g.w.fdAdvise(g.file, 0, 1, -1));
        row("fd_advise", "offset -1", Errno.INVAL, g -> g.w.fdAdvise(g.file, -1, 1, Advice.NORMAL));
        row("fd_allocate", "a directory", Errno.BADF, g -> g.w.fdAllocate(g.dir, 0, 1));
        row("fd_allocate", "stdout", Errno.BADF, g -> g.w.fdAllocate(1, 0, 1));
        row("fd_allocate", "length 0", Errno.INVAL, g -> g.w.fdAllocate(g.file, 0, 0));
        row("fd_allocate", "offset -1", Errno.INVAL, g -> g.w.fdAllocate(g.file, -1, 1));
        row("fd_allocate", "offset + length past 2^63", Errno.FBIG, g -> g.w.fdAllocate(g.file, Long.MAX_VALUE, 1));
        row("fd_close", "a closed fd", Errno.BADF, g -> g.w.fdClose(g.closed));
        row("fd_close", "fd -1", Errno.BADF, g -> g.w.fdClose(-1));
        row("fd_datasync", "a directory", Errno.BADF, g -> g.w.fdDatasync(g.dir));
        row("fd_datasync", "a closed fd", Errno.BADF, g -> g.w.fdDatasync(g.closed));
        row("fd_fdstat_get", "a closed fd", Errno.BADF, g -> g.w.fdFdstatGet(g.closed, OUT));
        row("fd_fdstat_get", "result at the last byte", TRAP, g -> g.w.fdFdstatGet(g.file, LAST));
        row("fd_fdstat_get", "result wrapping past 2^32", TRAP, g -> g.w.fdFdstatGet(PREOPEN, WRAP));
        row("fd_fdstat_set_flags", "unknown flag 0x20", Errno.INVAL, g -> g.w.fdFdstatSetFlags(g.file, 0x20));
        row("fd_fdstat_set_flags", "DSYNC (Wasmtime: EINVAL)", Errno.INVAL, g -> g.w.fdFdstatSetFlags(g.file, FdFlags.DSYNC));
        row("fd_fdstat_set_flags", "a directory", Errno.BADF, g -> g.w.fdFdstatSetFlags(g.dir, 0));
        row("fd_fdstat_set_flags", "a closed fd", Errno.BADF, g -> g.w.fdFdstatSetFlags(g.closed, 0));
        row("fd_fdstat_set_rights", "a closed fd", Errno.BADF, g -> g.w.fdFdstatSetRights(g.closed, 0, 0));
        row("fd_fdstat_set_rights", "growing (ours: ENOTCAPABLE)", Errno.NOTCAPABLE, g -> g.w.fdFdstatSetRights(g.file, -1, -1));
        row("fd_filestat_get", "a closed fd", Errno.BADF, g -> g.w.fdFilestatGet(g.closed, OUT));
        row("fd_filestat_get", "result past the end", TRAP, g -> g.w.fdFilestatGet(g.file, END));
        row("fd_filestat_get", "result 63 bytes before the end", TRAP, g -> g.w.fdFilestatGet(g.dir, SIZE - 63));
        row("fd_filestat_get", "stdout's result wrapping past 2^32", TRAP, g -> g.w.fdFilestatGet(1, WRAP));
        row("fd_filestat_set_size", "a directory", Errno.BADF, g -> g.w.fdFilestatSetSize(g.dir, 0));
        row("fd_filestat_set_size", "stdin", Errno.BADF, g -> g.w.fdFilestatSetSize(0, 0));
        row("fd_filestat_set_size", "size -1", Errno.INVAL, g -> g.w.fdFilestatSetSize(g.file, -1));
        row("fd_filestat_set_size", "size 2^41", Errno.FBIG, g -> g.w.fdFilestatSetSize(g.file, 1L << 41));
        row("fd_filestat_set_times", "unknown flag 0x10", Errno.INVAL, g -> g.w.fdFilestatSetTimes(g.file, 0, 0, 0x10));
        row("fd_filestat_set_times", "ATIM with ATIM_NOW", Errno.INVAL,
                g -> g.w.fdFilestatSetTimes(g.file, 0, 0, FstFlags.ATIM | FstFlags.ATIM_NOW));
        row("fd_filestat_set_times", "a closed fd", Errno.BADF, g -> g.w.fdFilestatSetTimes(g.closed, 0, 0, 0));
        row("fd_pread", "a directory", Errno.BADF, g -> g.w.fdPread(g.dir, IOVS, 1, 0, OUT));
        row("fd_pread", "stdin (ESPIPE)", Errno.SPIPE, g -> g.w.fdPread(0, IOVS, 1, 0, OUT));
        row("fd_pread", "stdout (cannot read)", Errno.BADF, g -> g.w.fdPread(1, IOVS, 1, 0, OUT));
        row("fd_pread", "offset -1", Errno.INVAL, g -> g.w.fdPread(g.file, IOVS, 1, -1, OUT));
        row("fd_pread", "iovecs past the end", TRAP, g -> g.w.fdPread(g.file, END, 1, 0, OUT));
        row("fd_pread", "2^28 iovecs", TRAP, g -> g.w.fdPread(g.file, IOVS, 1 << 28, 0, OUT));
        row("fd_pread", "2^32 - 1 iovecs", TRAP, g -> g.w.fdPread(g.file, IOVS, -1, 0, OUT));
        row("fd_pread", "a buffer wrapping past 2^32", TRAP, g -> g.w.fdPread(g.file, g.iovecs(WRAP, 16), 1, 0, OUT));
        row("fd_pread", "a buffer of 2^31 - 1 bytes", TRAP, g -> g.w.fdPread(g.file, g.iovecs(DATA, 0x7FFFFFFF), 1, 0, OUT));
        row("fd_pread", "nread at the last byte", TRAP, g -> g.w.fdPread(g.file, IOVS, 1, 0, LAST));
        row("fd_pread", "no iovecs", Errno.SUCCESS, g -> g.w.fdPread(g.file, END, 0, 0, OUT));
        row("fd_prestat_get", "a file", Errno.BADF, g -> g.w.fdPrestatGet(g.file, OUT));
        row("fd_prestat_get", "stdout", Errno.BADF, g -> g.w.fdPrestatGet(1, OUT));
        row("fd_prestat_get", "a directory opened by path", Errno.BADF, g -> g.w.fdPrestatGet(g.dir, OUT));
        row("fd_prestat_get", "result at the last byte", TRAP, g -> g.w.fdPrestatGet(PREOPEN, LAST));
        row("fd_prestat_dir_name", "a buffer shorter than the name", Errno.NAMETOOLONG,
                g -> g.w.fdPrestatDirName(PREOPEN, OUT, 3));
        row("fd_prestat_dir_name", "a buffer wrapping past 2^32", TRAP, g -> g.w.fdPrestatDirName(PREOPEN, WRAP, 8));
        row("fd_prestat_dir_name", "a buffer past the end", TRAP, g -> g.w.fdPrestatDirName(PREOPEN, END, 8));
        row("fd_prestat_dir_name", "a file", Errno.BADF, g -> g.w.fdPrestatDirName(g.file, OUT, 8));
        row("fd_prestat_dir_name", "a closed fd", Errno.BADF, g -> g.w.fdPrestatDirName(g.closed, OUT, 8));
        row("fd_pwrite", "a directory", Errno.BADF, g -> g.w.fdPwrite(g.dir, IOVS, 1, 0, OUT));
        row("fd_pwrite", "stdout (ESPIPE)", Errno.SPIPE, g -> g.w.fdPwrite(1, IOVS, 1, 0, OUT));
        row("fd_pwrite", "stdin (cannot write)", Errno.BADF, g -> g.w.fdPwrite(0, IOVS, 1, 0, OUT));
        row("fd_pwrite", "offset -1", Errno.INVAL, g -> g.w.fdPwrite(g.file, IOVS, 1, -1, OUT));
        row("fd_pwrite", "offset 2^40", Errno.FBIG, g -> g.w.fdPwrite(g.file, IOVS, 1, 1L << 40, OUT));
        row("fd_pwrite", "iovecs wrapping past 2^32", TRAP, g -> g.w.fdPwrite(g.file, WRAP, 2, 0, OUT));
        row("fd_pwrite", "a buffer past the end", TRAP, g -> g.w.fdPwrite(g.file, g.iovecs(END, 1), 1, 0, OUT));
        row("fd_pwrite", "nwritten past the end", TRAP, g -> g.w.fdPwrite(g.file, IOVS, 1, 0, END));
        row("fd_read", "a directory", Errno.BADF, g -> g.w.fdRead(g.dir, IOVS, 1, OUT));
        row("fd_read", "stdout", Errno.BADF, g -> g.w.fdRead(1, IOVS, 1, OUT));
        row("fd_read", "a closed fd", Errno.BADF, g -> g.w.fdRead(g.closed, IOVS, 1, OUT));
        row("fd_read", "2^31 iovecs", TRAP, g -> g.w.fdRead(g.file, IOVS, Integer.MIN_VALUE, OUT));
        row("fd_read", "a buffer at the last byte, 2 bytes long", TRAP, g -> g.w.fdRead(g.file, g.iovecs(LAST, 2), 1, OUT));
        row("fd_read", "two buffers adding up past 2^32", TRAP,
                g -> g.w.fdRead(g.file, g.iovecs(DATA, 0x80000000, DATA, 0x80000000), 2, OUT));
        row("fd_read", "nread wrapping past 2^32", TRAP, g -> g.w.fdRead(g.file, IOVS, 1, -2));
        row("fd_read", "stdin into a buffer past the end", TRAP, g -> g.w.fdRead(0, g.iovecs(END, 4), 1, OUT));
        row("fd_readdir", "a file", Errno.BADF, g -> g.w.fdReaddir(g.file, OUT, 64, 0, OUT));
        row("fd_readdir", "a closed fd", Errno.BADF, g -> g.w.fdReaddir(g.closed, OUT, 64, 0, OUT));
        row("fd_readdir", "a buffer past the end", TRAP, g -> g.w.fdReaddir(PREOPEN, END, 1, 0, OUT));
        row("fd_readdir", "a buffer of 2^32 - 1 bytes", TRAP, g -> g.w.fdReaddir(PREOPEN, OUT, -1, 0, OUT));
        row("fd_readdir", "a buffer wrapping past 2^32", TRAP, g -> g.w.fdReaddir(PREOPEN, WRAP, 16, 0, OUT));
        row("fd_readdir", "bufused at the last byte", TRAP, g -> g.w.fdReaddir(PREOPEN, OUT, 64, 0, LAST));
        row("fd_readdir", "a cookie of 2^64 - 1 (ours: EINVAL)", Errno.INVAL, g -> g.w.fdReaddir(PREOPEN, OUT, 64, -1, OUT));
        row("fd_renumber", "from a closed fd", Errno.BADF, g -> g.w.fdRenumber(g.closed, g.file));
        row("fd_renumber", "to a closed fd", Errno.BADF, g -> g.w.fdRenumber(g.file, g.closed));
        row("fd_renumber", "to fd -1", Errno.BADF, g -> g.w.fdRenumber(g.file, -1));
        row("fd_seek", "a directory", Errno.BADF, g -> g.w.fdSeek(g.dir, 0, Whence.SET, OUT));
        row("fd_seek", "stdout (ESPIPE)", Errno.SPIPE, g -> g.w.fdSeek(1, 0, Whence.SET, OUT));
        row("fd_seek", "whence 3", Errno.INVAL, g -> g.w.fdSeek(g.file, 0, 3, OUT));
        row("fd_seek", "whence -1", Errno.INVAL, g -> g.w.fdSeek(g.file, 0, -1, OUT));
        row("fd_seek", "to -1", Errno.INVAL, g -> g.w.fdSeek(g.file, -1, Whence.SET, OUT));
        row("fd_seek", "back by 2^63 from the end", Errno.INVAL, g -> g.w.fdSeek(g.file, Long.MIN_VALUE, Whence.END, OUT));
        row("fd_seek", "newoffset at the last byte", TRAP, g -> g.w.fdSeek(g.file, 0, Whence.SET, LAST));
        row("fd_sync", "a directory", Errno.BADF, g -> g.w.fdSync(g.dir));
        row("fd_sync", "a closed fd", Errno.BADF, g -> g.w.fdSync(g.closed));
        row("fd_tell", "a directory", Errno.BADF, g -> g.w.fdTell(g.dir, OUT));
        row("fd_tell", "stdin (ESPIPE)", Errno.SPIPE, g -> g.w.fdTell(0, OUT));
        row("fd_tell", "offset wrapping past 2^32", TRAP, g -> g.w.fdTell(g.file, WRAP));
        row("fd_write", "a directory", Errno.BADF, g -> g.w.fdWrite(g.dir, IOVS, 1, OUT));
        row("fd_write", "stdin", Errno.BADF, g -> g.w.fdWrite(0, IOVS, 1, OUT));
        row("fd_write", "a closed fd", Errno.BADF, g -> g.w.fdWrite(g.closed, IOVS, 1, OUT));
        row("fd_write", "2^32 - 1 iovecs", TRAP, g -> g.w.fdWrite(g.file, IOVS, -1, OUT));
        row("fd_write", "stdout from a buffer of 2^31 bytes", TRAP, g -> g.w.fdWrite(1, g.iovecs(DATA, 0x80000000), 1, OUT));
        row("fd_write", "nwritten past the end", TRAP, g -> g.w.fdWrite(g.file, IOVS, 1, END));
        row("fd_write", "no iovecs, at the end of memory", Errno.SUCCESS, g -> g.w.fdWrite(g.file, END, 0, OUT));

        row("path_create_directory", "a file as the directory", Errno.BADF, g -> g.w.pathCreateDirectory(g.file, PATH, 1));
        row("path_create_directory", "a closed fd", Errno.BADF, g -> g.w.pathCreateDirectory(g.closed, PATH, 1));
        row("path_create_directory", "a path wrapping past 2^32", TRAP, g -> g.w.pathCreateDirectory(PREOPEN, WRAP, 16));
        row("path_create_directory", "a path of 2^32 - 1 bytes", TRAP, g -> g.w.pathCreateDirectory(PREOPEN, PATH, -1));
        row("path_create_directory", "an empty path", Errno.NOENT, g -> g.w.pathCreateDirectory(PREOPEN, END, 0));
        row("path_create_directory", "a path of 4097 bytes", Errno.NAMETOOLONG,
                g -> g.w.pathCreateDirectory(PREOPEN, PATH, g.path("x".repeat(4097))));
        row("path_create_directory", "an existing name", Errno.EXIST, g -> g.w.pathCreateDirectory(PREOPEN, PATH, g.path("d")));
        row("path_filestat_get", "lookup flag 2", Errno.INVAL, g -> g.w.pathFilestatGet(PREOPEN, 2, PATH, 1, OUT));
        row("path_filestat_get", "a file as the directory", Errno.BADF, g -> g.w.pathFilestatGet(g.file, 0, PATH, 1, OUT));
        row("path_filestat_get", "a path past the end", TRAP, g -> g.w.pathFilestatGet(PREOPEN, 0, END, 1, OUT));
        row("path_filestat_get", "result at the last byte", TRAP, g -> g.w.pathFilestatGet(PREOPEN, 0, PATH, 1, LAST));
        row("path_filestat_get", "a file with a trailing slash", Errno.NOTDIR,
                g -> g.w.pathFilestatGet(PREOPEN, 0, PATH, g.path("f/"), OUT));
        row("path_filestat_set_times", "lookup flag 0x100", Errno.INVAL,
                g -> g.w.pathFilestatSetTimes(PREOPEN, 0x100, PATH, 1, 0, 0, 0));
        row("path_filestat_set_times", "unknown fstflag 0x20", Errno.INVAL,
                g -> g.w.pathFilestatSetTimes(PREOPEN, 0, PATH, 1, 0, 0, 0x20));
        row("path_filestat_set_times", "MTIM with MTIM_NOW", Errno.INVAL,
                g -> g.w.pathFilestatSetTimes(PREOPEN, 0, PATH, 1, 0, 0, FstFlags.MTIM | FstFlags.MTIM_NOW));
        row("path_filestat_set_times", "a path wrapping past 2^32", TRAP,
                g -> g.w.pathFilestatSetTimes(PREOPEN, 0, WRAP, 9, 0, 0, 0));
        row("path_filestat_set_times", "a file as the directory", Errno.BADF,
                g -> g.w.pathFilestatSetTimes(g.file, 0, PATH, 1, 0, 0, 0));
        row("path_link", "lookup flag 2", Errno.INVAL, g -> g.w.pathLink(PREOPEN, 2, PATH, 1, PREOPEN, PATH2, 1));
        row("path_link", "a directory as the source", Errno.PERM,
                g -> g.w.pathLink(PREOPEN, 0, PATH, g.path("d"), PREOPEN, PATH2, 1));
        row("path_link", "a file as the old directory", Errno.BADF, g -> g.w.pathLink(g.file, 0, PATH, 1, PREOPEN, PATH2, 1));
        row("path_link", "a closed new directory", Errno.BADF, g -> g.w.pathLink(PREOPEN, 0, PATH, 1, g.closed, PATH2, 1));
        row("path_link", "a new path past the end", TRAP, g -> g.w.pathLink(PREOPEN, 0, PATH, 1, PREOPEN, END, 1));
        row("path_open", "a file as the directory (ENOTDIR)", Errno.NOTDIR,
                g -> g.w.pathOpen(g.file, 0, PATH, 1, 0, -1, -1, 0, OUT));
        row("path_open", "a closed fd", Errno.BADF, g -> g.w.pathOpen(g.closed, 0, PATH, 1, 0, -1, -1, 0, OUT));
        row("path_open", "stdin as the directory", Errno.BADF, g -> g.w.pathOpen(0, 0, PATH, 1, 0, -1, -1, 0, OUT));
        row("path_open", "fd result at the last byte", TRAP, g -> g.w.pathOpen(PREOPEN, 0, PATH, 1, 0, -1, -1, 0, LAST));
        row("path_open", "a path wrapping past 2^32", TRAP, g -> g.w.pathOpen(PREOPEN, 0, WRAP, 16, 0, -1, -1, 0, OUT));
        row("path_open", "unknown oflag 0x10", Errno.INVAL, g -> g.w.pathOpen(PREOPEN, 0, PATH, 1, 0x10, -1, -1, 0, OUT));
        row("path_open", "unknown fdflag 0x20", Errno.INVAL, g -> g.w.pathOpen(PREOPEN, 0, PATH, 1, 0, -1, -1, 0x20, OUT));
        row("path_open", "lookup flag 2", Errno.INVAL, g -> g.w.pathOpen(PREOPEN, 2, PATH, 1, 0, -1, -1, 0, OUT));
        row("path_open", "CREAT with DIRECTORY", Errno.INVAL,
                g -> g.w.pathOpen(PREOPEN, 0, PATH, 1, OFlags.CREAT | OFlags.DIRECTORY, -1, -1, 0, OUT));
        row("path_open", "DIRECTORY on a file", Errno.NOTDIR,
                g -> g.w.pathOpen(PREOPEN, 0, PATH, 1, OFlags.DIRECTORY, -1, -1, 0, OUT));
        row("path_open", "TRUNC on a directory", Errno.ISDIR,
                g -> g.w.pathOpen(PREOPEN, 0, PATH, g.path("d"), OFlags.TRUNC, -1, -1, 0, OUT));
        row("path_open", "SYNC (Wasmtime: ENOTSUP)", Errno.NOTSUP,
                g -> g.w.pathOpen(PREOPEN, 0, PATH, 1, 0, -1, -1, FdFlags.SYNC, OUT));
        row("path_open", "a path of 4097 bytes", Errno.NAMETOOLONG,
                g -> g.w.pathOpen(PREOPEN, 0, PATH, g.path("/".repeat(4097)), 0, -1, -1, 0, OUT));
        row("path_readlink", "not a symlink", Errno.INVAL, g -> g.w.pathReadlink(PREOPEN, PATH, 1, OUT, 8, OUT));
        row("path_readlink", "a file as the directory", Errno.BADF, g -> g.w.pathReadlink(g.file, PATH, 1, OUT, 8, OUT));
        row("path_readlink", "a buffer past the end", TRAP, g -> g.w.pathReadlink(PREOPEN, PATH, g.path("s"), END, 8, OUT));
        row("path_readlink", "bufused wrapping past 2^32", TRAP,
                g -> g.w.pathReadlink(PREOPEN, PATH, g.path("s"), OUT, 8, -1));
        row("path_readlink", "a buffer of 0 bytes", Errno.SUCCESS, g -> g.w.pathReadlink(PREOPEN, PATH, g.path("s"), END, 0, OUT));
        row("path_remove_directory", "a file", Errno.NOTDIR, g -> g.w.pathRemoveDirectory(PREOPEN, PATH, 1));
        row("path_remove_directory", "\".\"", Errno.INVAL, g -> g.w.pathRemoveDirectory(PREOPEN, PATH, g.path(".")));
        row("path_remove_directory", "a file as the directory", Errno.BADF, g -> g.w.pathRemoveDirectory(g.file, PATH, 1));
        row("path_remove_directory", "a path past the end", TRAP, g -> g.w.pathRemoveDirectory(PREOPEN, END, 1));
        row("path_rename", "an old path wrapping past 2^32", TRAP, g -> g.w.pathRename(PREOPEN, WRAP, 16, PREOPEN, PATH2, 1));
        row("path_rename", "a closed new directory", Errno.BADF, g -> g.w.pathRename(PREOPEN, PATH, 1, g.closed, PATH2, 1));
        row("path_rename", "a directory over a file", Errno.NOTDIR, g -> {
            g.fixture.path2("f");
            return g.w.pathRename(PREOPEN, PATH, g.path("d"), PREOPEN, PATH2, 1);
        });
        row("path_rename", "a file over a directory", Errno.ISDIR, g -> {
            g.fixture.path2("d");
            return g.w.pathRename(PREOPEN, PATH, 1, PREOPEN, PATH2, 1);
        });
        row("path_rename", "\".\"", Errno.BUSY, g -> g.w.pathRename(PREOPEN, PATH, g.path("."), PREOPEN, PATH2, 1));
        row("path_symlink", "a target wrapping past 2^32", TRAP, g -> g.w.pathSymlink(WRAP, 16, PREOPEN, PATH, 1));
        row("path_symlink", "a closed fd", Errno.BADF, g -> g.w.pathSymlink(PATH2, 1, g.closed, PATH, 1));
        row("path_symlink", "an existing name", Errno.EXIST, g -> g.w.pathSymlink(PATH2, 1, PREOPEN, PATH, 1));
        row("path_symlink", "a link name past the end", TRAP, g -> g.w.pathSymlink(PATH2, 1, PREOPEN, END, 1));
        row("path_unlink_file", "a directory", Errno.ISDIR, g -> g.w.pathUnlinkFile(PREOPEN, PATH, g.path("d")));
        row("path_unlink_file", "\".\"", Errno.ISDIR, g -> g.w.pathUnlinkFile(PREOPEN, PATH, g.path(".")));
        row("path_unlink_file", "a file as the directory", Errno.BADF, g -> g.w.pathUnlinkFile(g.file, PATH, 1));
        row("path_unlink_file", "a path at the last byte, 2 bytes long", TRAP, g -> g.w.pathUnlinkFile(PREOPEN, LAST, 2));

        row("poll_oneoff", "no subscriptions", Errno.INVAL, g -> g.w.pollOneoff(DATA, OUT, 0, OUT));
        row("poll_oneoff", "nevents past the end", TRAP, g -> g.w.pollOneoff(DATA, OUT, 1, END));
        row("poll_oneoff", "subscriptions wrapping past 2^32", TRAP, g -> g.w.pollOneoff(WRAP, OUT, 1, OUT));
        row("poll_oneoff", "2^31 - 1 subscriptions", TRAP, g -> g.w.pollOneoff(DATA, OUT, 0x7FFFFFFF, OUT));
        row("poll_oneoff", "events past the end", TRAP,
                g -> g.w.pollOneoff(g.subscription(EventType.CLOCK, 1), END, 1, OUT));
        row("poll_oneoff", "an fd subscription on a closed fd", Errno.BADF,
                g -> g.w.pollOneoff(g.subscription(EventType.FD_READ, g.closed), OUT, 1, OUT));
        row("poll_oneoff", "clock id 9 (an event with EINVAL)", Errno.SUCCESS,
                g -> g.w.pollOneoff(g.subscription(EventType.CLOCK, 9), OUT, 1, OUT));
        row("poll_oneoff", "event type 7 (an event with EINVAL)", Errno.SUCCESS,
                g -> g.w.pollOneoff(g.subscription(7, 0), OUT, 1, OUT));
        row("proc_exit", "code 2^32 - 1", EXIT, g -> {
            g.w.procExit(-1);
            return 0;
        });
        row("proc_raise", "signal -1 (ours: ENOSYS)", Errno.NOSYS, g -> g.w.procRaise(-1));
        row("sched_yield", "nothing to get wrong", Errno.SUCCESS, g -> g.w.schedYield());
        row("random_get", "a buffer past the end", TRAP, g -> g.w.randomGet(END, 1));
        row("random_get", "the last byte", Errno.SUCCESS, g -> g.w.randomGet(LAST, 1));
        row("random_get", "a buffer wrapping past 2^32", TRAP, g -> g.w.randomGet(WRAP, 16));
        row("random_get", "2^32 - 1 bytes", TRAP, g -> g.w.randomGet(DATA, -1));
        row("random_get", "0 bytes past the end", Errno.SUCCESS, g -> g.w.randomGet(END, 0));
        row("sock_accept", "a closed fd", Errno.BADF, g -> g.w.sockAccept(g.closed, 0, OUT));
        row("sock_accept", "a file", Errno.NOTSOCK, g -> g.w.sockAccept(g.file, 0, END));
        row("sock_recv", "a directory", Errno.NOTSOCK, g -> g.w.sockRecv(g.dir, WRAP, 1, 0, OUT, OUT));
        row("sock_recv", "a closed fd", Errno.BADF, g -> g.w.sockRecv(g.closed, IOVS, 1, 0, OUT, OUT));
        row("sock_send", "stdout", Errno.NOTSOCK, g -> g.w.sockSend(1, IOVS, 1, 0, OUT));
        row("sock_send", "fd -1", Errno.BADF, g -> g.w.sockSend(-1, IOVS, 1, 0, OUT));
        row("sock_shutdown", "a file", Errno.NOTSOCK, g -> g.w.sockShutdown(g.file, 3));
        row("sock_shutdown", "a closed fd", Errno.BADF, g -> g.w.sockShutdown(g.closed, 3));
    }

    static Stream<Arguments> rows() {
        return ROWS.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("rows")
    void isAnsweredWithItsErrnoOrACleanTrap(String importName, String what, int expected, Invocation call) {
        Guest g = new Guest();
        try {
            int errno = call.call(g);
            if (expected == TRAP || expected == EXIT) {
                fail(importName + " (" + what + ") answered " + Errno.name(errno) + " instead of "
                        + (expected == TRAP ? "trapping" : "exiting"));
            }
            assertEquals(Errno.name(expected), Errno.name(errno));
        } catch (ProcExit exit) {
            assertEquals(EXIT, expected, "exited");
            assertEquals(-1, exit.code());
        } catch (WasiTrap trap) {
            if (expected != TRAP) {
                fail(importName + " (" + what + ") trapped instead of answering " + Errno.name(expected) + ": "
                        + trap.getMessage());
            }
        }
    }

    /** Each of the 46 imports has rows: the camelCase of every public syscall method of Preview1. */
    @Test
    void everyImportIsCalledWithBadArguments() {
        Set<String> imports = new TreeSet<>();
        for (Method m : Preview1.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                    && !m.getName().equals("bindMemory") && !m.getName().equals("config")
                    // A suspending host's questions before a call (fdReadPending, pollOneoffPlan) are no imports.
                    && m.getReturnType() != Pending.class && m.getReturnType() != PollWait.class) {
                imports.add(m.getName().replaceAll("([A-Z])", "_$1").toLowerCase());
            }
        }
        assertEquals(46, imports.size(), imports.toString());
        Set<String> tested = ROWS.stream().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(imports, tested);
        assertTrue(ROWS.size() > 150, "rows: " + ROWS.size());
    }
}

package org.wasipolyfill.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.Layout;
import org.wasipolyfill.core.abi.OFlags;
import org.wasipolyfill.core.abi.Rights;
import org.wasipolyfill.core.fs.MemFs;
import org.wasipolyfill.core.memory.ByteArrayGuestMemory;

/**
 * A {@link Preview1}, called as a guest calls it ({@link Preview1Calls}), over 64 KiB of {@link ByteArrayGuestMemory}, as a guest sees it, with helpers
 * to lay out paths and iovecs:
 *
 * <pre>
 * /sandbox      preopen at fd 3
 * ├── f         "hello"
 * ├── d/
 * └── s -> f
 * </pre>
 */
final class GuestFixture {
    static final int PREOPEN = 3;
    static final int SIZE = 0x10000;
    /** Scratch areas: a path, a second path, an iovec array, data, a result. */
    static final int PATH = 0x100;
    static final int PATH2 = 0x1400;
    static final int IOVS = 0x2800;
    static final int DATA = 0x3000;
    static final int OUT = 0x8000;

    final FakeClock clock = new FakeClock();
    final MemFs fs = new MemFs(clock);
    final ByteArrayGuestMemory memory = new ByteArrayGuestMemory(SIZE);
    final Preview1Calls wasi;

    GuestFixture() {
        fs.mkdir("/sandbox/d", true);
        fs.writeFile("/sandbox/f", "hello".getBytes(StandardCharsets.UTF_8));
        fs.symlink("f", "/sandbox/s");
        Preview1 preview1 = new Preview1(WasiConfig.builder().clock(clock).random((m, a, n) -> { }).fs(fs).arg("prog").env("K", "V")
                .preopen("/sandbox", "/sandbox").build());
        preview1.bindMemory(memory);
        wasi = new Preview1Calls(preview1);
    }

    /** Writes {@code path} at {@link #PATH} and returns its length. */
    int path(String path) {
        return put(PATH, path);
    }

    int path2(String path) {
        return put(PATH2, path);
    }

    int put(int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        memory.write(at, bytes, 0, bytes.length);
        return bytes.length;
    }

    /** One iovec at {@link #IOVS} over {@code length} bytes at {@link #DATA}; returns {@link #IOVS}. */
    int iovec(int length) {
        memory.writeI32(IOVS, DATA);
        memory.writeI32(IOVS + 4, length);
        return IOVS;
    }

    /**
     * Opens {@code path} under the preopen with every right (but FD_WRITE for a directory, which
     * cannot be opened for writing); fails the test unless it works.
     */
    int open(String path, int oflags) {
        long rights = (oflags & OFlags.DIRECTORY) != 0 ? ~(long) Rights.FD_WRITE : -1L;
        int errno = wasi.pathOpen(PREOPEN, 0, PATH, path(path), oflags, rights, rights, 0, OUT);
        assertEquals(Errno.name(Errno.SUCCESS), Errno.name(errno), "open " + path);
        return memory.readI32(OUT);
    }

    long size(int fd) {
        assertEquals(Errno.SUCCESS, wasi.fdFilestatGet(fd, OUT));
        return memory.readI64(OUT + Layout.FILESTAT_SIZE_FIELD);
    }

    static String name(int errno) {
        return Errno.name(errno);
    }
}

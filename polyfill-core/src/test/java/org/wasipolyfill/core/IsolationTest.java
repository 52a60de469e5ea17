package org.wasipolyfill.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.LookupFlags;
import org.wasipolyfill.core.abi.OFlags;
import org.wasipolyfill.core.fs.MemFs;
import org.wasipolyfill.core.memory.ByteArrayGuestMemory;

/**
 * Two WASI instances on separate MemFS never see each other; on one shared MemFS each reaches only
 * its own preopen, and their descriptor tables are their own.
 *
 * <pre>
 * shared MemFS:  /x/a/secret-a.txt   A's preopen "/sandbox" is /x/a
 *                /x/b/secret-b.txt   B's preopen "/sandbox" is /x/b
 *                /x/top.txt
 * </pre>
 */
class IsolationTest {
    private static final int SANDBOX = 3;
    private static final int PATH = 0x100;
    private static final int PATH2 = 0x400;
    private static final int OUT = 0x800;
    private static final int IOVS = 0x900;
    private static final int DATA = 0xA00;

    private final FakeClock clock = new FakeClock();

    /** One guest: its Preview1 and memory. */
    private final class Guest {
        final Preview1Calls wasi;
        final ByteArrayGuestMemory memory = new ByteArrayGuestMemory(0x10000);

        Guest(MemFs fs, String preopen) {
            Preview1 preview1 = new Preview1(WasiConfig.builder().clock(clock).random((m, a, n) -> { }).fs(fs)
                    .preopen("/sandbox", preopen).build());
            preview1.bindMemory(memory);
            wasi = new Preview1Calls(preview1);
        }

        int put(int at, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            memory.write(at, bytes, 0, bytes.length);
            return bytes.length;
        }

        /** path_open under the preopen, following symlinks; returns the errno and leaves the fd at OUT. */
        int open(String path, int oflags) {
            return wasi.pathOpen(SANDBOX, LookupFlags.SYMLINK_FOLLOW, PATH, put(PATH, path), oflags, -1L, -1L, 0, OUT);
        }

        int write(int fd, String text) {
            memory.writeI32(IOVS, DATA);
            memory.writeI32(IOVS + 4, put(DATA, text));
            return wasi.fdWrite(fd, IOVS, 1, OUT);
        }

        int rename(String from, String to) {
            return wasi.pathRename(SANDBOX, PATH, put(PATH, from), SANDBOX, PATH2, put(PATH2, to));
        }

        int link(String from, String to) {
            return wasi.pathLink(SANDBOX, 0, PATH, put(PATH, from), SANDBOX, PATH2, put(PATH2, to));
        }

        int symlink(String target, String path) {
            return wasi.pathSymlink(PATH2, put(PATH2, target), SANDBOX, PATH, put(PATH, path));
        }

        int mkdir(String path) {
            return wasi.pathCreateDirectory(SANDBOX, PATH, put(PATH, path));
        }

        /** The bytes fd_readdir of the preopen fills. */
        int listingLength() {
            assertEquals(Errno.SUCCESS, wasi.fdReaddir(SANDBOX, DATA, 4096, 0, OUT));
            return memory.readI32(OUT);
        }
    }

    private static void assertErrno(int expected, int actual) {
        assertEquals(Errno.name(expected), Errno.name(actual));
    }

    @Test
    void instancesOnSeparateMemFsNeverSeeEachOther() {
        MemFs fsA = new MemFs(clock);
        MemFs fsB = new MemFs(clock);
        fsA.mkdir("/sandbox", false);
        fsB.mkdir("/sandbox", false);
        Guest a = new Guest(fsA, "/sandbox");
        Guest b = new Guest(fsB, "/sandbox");
        int emptyListing = b.listingLength();
        assertErrno(Errno.SUCCESS, a.open("mine.txt", OFlags.CREAT));
        int fd = a.memory.readI32(OUT);
        assertErrno(Errno.SUCCESS, a.write(fd, "A's"));
        assertErrno(Errno.SUCCESS, a.mkdir("dir"));

        assertErrno(Errno.NOENT, b.open("mine.txt", 0));
        assertErrno(Errno.NOENT, b.open("dir", OFlags.DIRECTORY));
        assertEquals(emptyListing, b.listingLength());
        assertEquals(List.of(), fsB.readdir("/sandbox"));
        assertErrno(Errno.BADF, b.wasi.fdWrite(fd, IOVS, 1, OUT));
    }

    @Test
    void onASharedMemFsEachInstanceReachesOnlyItsOwnPreopen() {
        MemFs fs = new MemFs(clock);
        fs.mkdir("/x/a", true);
        fs.mkdir("/x/b", true);
        fs.writeFile("/x/a/secret-a.txt", "a".getBytes(StandardCharsets.UTF_8));
        fs.writeFile("/x/b/secret-b.txt", "b".getBytes(StandardCharsets.UTF_8));
        fs.writeFile("/x/top.txt", "top".getBytes(StandardCharsets.UTF_8));
        String before = describeAllBut(fs, "/x/a");
        Guest a = new Guest(fs, "/x/a");
        Guest b = new Guest(fs, "/x/b");

        assertErrno(Errno.NOTCAPABLE, a.open("../b/secret-b.txt", 0));
        assertErrno(Errno.NOTCAPABLE, a.open("../top.txt", OFlags.CREAT | OFlags.TRUNC));
        assertErrno(Errno.NOTCAPABLE, a.open("/x/b/secret-b.txt", 0));
        assertErrno(Errno.SUCCESS, a.symlink("../b/secret-b.txt", "escape"));
        assertErrno(Errno.NOTCAPABLE, a.open("escape", 0));
        assertErrno(Errno.NOTCAPABLE, a.open("escape", OFlags.CREAT));
        assertErrno(Errno.NOTCAPABLE, a.rename("secret-a.txt", "../b/stolen"));
        assertErrno(Errno.NOTCAPABLE, a.rename("../b/secret-b.txt", "taken"));
        assertErrno(Errno.NOTCAPABLE, a.link("secret-a.txt", "../b/hard"));
        assertErrno(Errno.NOTCAPABLE, a.link("../b/secret-b.txt", "hard"));
        assertErrno(Errno.NOTCAPABLE, a.mkdir("../b/made"));
        assertErrno(Errno.NOTCAPABLE, b.open("../a/secret-a.txt", 0));
        assertErrno(Errno.NOTCAPABLE, b.open("../a/escape", 0));

        assertEquals(before, describeAllBut(fs, "/x/a"));
        assertArrayEquals("b".getBytes(StandardCharsets.UTF_8), fs.readFile("/x/b/secret-b.txt"));
    }

    @Test
    void descriptorTablesAreEachInstancesOwn() {
        MemFs fs = new MemFs(clock);
        fs.mkdir("/x/a", true);
        fs.mkdir("/x/b", true);
        Guest a = new Guest(fs, "/x/a");
        Guest b = new Guest(fs, "/x/b");
        assertErrno(Errno.SUCCESS, a.open("f", OFlags.CREAT));
        int fd = a.memory.readI32(OUT);
        assertErrno(Errno.BADF, b.wasi.fdClose(fd));
        assertErrno(Errno.SUCCESS, a.wasi.fdClose(SANDBOX));
        assertErrno(Errno.SUCCESS, b.mkdir("still-mine"));
        assertErrno(Errno.BADF, a.mkdir("gone"));
        assertEquals(List.of("still-mine"), fs.readdir("/x/b"));
        assertEquals(List.of("f"), fs.readdir("/x/a"));
    }

    /** Names, kinds, sizes, link counts and times of everything in the MemFS but {@code skipped}'s subtree. */
    private static String describeAllBut(MemFs fs, String skipped) {
        StringBuilder s = new StringBuilder();
        describe(fs, "/", skipped, s);
        return s.toString();
    }

    private static void describe(MemFs fs, String path, String skipped, StringBuilder s) {
        if (path.equals(skipped)) {
            return;
        }
        var stat = fs.lstat(path);
        s.append(path).append(' ').append(stat).append('\n');
        if (stat.fileType() == org.wasipolyfill.core.abi.FileType.DIRECTORY) {
            for (String name : fs.readdir(path)) {
                describe(fs, path.equals("/") ? "/" + name : path + "/" + name, skipped, s);
            }
        }
    }
}

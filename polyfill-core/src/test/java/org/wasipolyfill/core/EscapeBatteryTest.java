package org.wasipolyfill.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.FstFlags;
import org.wasipolyfill.core.abi.LookupFlags;
import org.wasipolyfill.core.abi.OFlags;
import org.wasipolyfill.core.abi.Rights;
import org.wasipolyfill.core.fs.DirectoryNode;
import org.wasipolyfill.core.fs.FileNode;
import org.wasipolyfill.core.fs.Inode;
import org.wasipolyfill.core.fs.MemFs;
import org.wasipolyfill.core.fs.SymlinkNode;
import org.wasipolyfill.core.memory.ByteArrayGuestMemory;

/**
 * Escape attempts, one per row: each must fail with its errno and leave everything outside the
 * writable preopen exactly as it was (names, kinds, bytes, link targets, times).
 * <pre>
 * /
 * ├── secret            "secret"
 * ├── outside/victim    "victim"
 * ├── other/keep        "keep"       (preopen /other, fd 5, writable)
 * └── data/                          (preopen /ro, fd 4, read-only)
 *     ├── ro-file       "ro"
 *     └── rw/                        (preopen /sandbox, fd 3, writable)
 *         ├── file "f"   dir/inner "i"
 *         ├── up -> ..   up2 -> ../..   out -> ../created   chain -> up
 *         ├── loop -> loop   abs -> /secret (made by the host)
 * </pre>
 */
class EscapeBatteryTest {
    private static final int SANDBOX = 3;
    private static final int RO = 4;
    private static final int OTHER = 5;
    private static final int FOLLOW = LookupFlags.SYMLINK_FOLLOW;
    private static final int PATH_A = 0x1000;
    private static final int PATH_B = 0x3000;
    private static final int OUT = 0x100;
    private static final int IOV = 0x200;
    private static final int FILE_RIGHTS = Rights.FD_READ | Rights.FD_WRITE | Rights.FD_SEEK
            | Rights.FD_FILESTAT_SET_SIZE | Rights.FD_ALLOCATE | Rights.FD_FILESTAT_SET_TIMES;

    private MemFs fs;
    private Preview1Calls wasi;
    private ByteArrayGuestMemory memory;

    @BeforeEach
    void buildTree() {
        FakeClock clock = new FakeClock();
        fs = new MemFs(clock);
        fs.writeFile("/secret", bytes("secret"));
        fs.mkdir("/outside", true);
        fs.writeFile("/outside/victim", bytes("victim"));
        fs.mkdir("/other", true);
        fs.writeFile("/other/keep", bytes("keep"));
        fs.mkdir("/data/rw/dir", true);
        fs.writeFile("/data/ro-file", bytes("ro"));
        fs.writeFile("/data/rw/file", bytes("f"));
        fs.writeFile("/data/rw/dir/inner", bytes("i"));
        fs.symlink("..", "/data/rw/up");
        fs.symlink("../..", "/data/rw/up2");
        fs.symlink("../created", "/data/rw/out");
        fs.symlink("up", "/data/rw/chain");
        fs.symlink("loop", "/data/rw/loop");
        fs.symlink("/secret", "/data/rw/abs");
        WasiConfig config = WasiConfig.builder().fs(fs).clock(clock).random((m, a, l) -> { })
                .preopen("/sandbox", "/data/rw").readOnlyPreopen("/ro", "/data").preopen("/other", "/other")
                .build();
        Preview1 preview1 = new Preview1(config);
        memory = new ByteArrayGuestMemory(1 << 16);
        preview1.bindMemory(memory);
        wasi = new Preview1Calls(preview1);
    }

    /** A call against the guest, returning its errno. */
    interface Call extends ToIntFunction<EscapeBatteryTest> { }

    static Stream<Arguments> attempts() {
        List<Arguments> rows = new ArrayList<>();
        // ".." chains
        for (String path : new String[] { "..", "../", "../rw/file", "dir/../../rw/file", "./../x", "dir/./../../x",
            "dir/../dir/../../x", "../".repeat(20) + "x", "../../secret", "../../outside/victim" }) {
            rows.add(row("open " + path, t -> t.open(SANDBOX, FOLLOW, path, 0), Errno.NOTCAPABLE));
        }
        rows.add(row("create ../created", t -> t.open(SANDBOX, 0, "../created", OFlags.CREAT), Errno.NOTCAPABLE));
        rows.add(row("create dir/../../created", t -> t.open(SANDBOX, 0, "dir/../../created", OFlags.CREAT),
                Errno.NOTCAPABLE));
        rows.add(row("O_TRUNC ../ro-file", t -> t.open(SANDBOX, 0, "../ro-file", OFlags.TRUNC), Errno.NOTCAPABLE));
        rows.add(row("mkdir ../created", t -> t.mkdir(SANDBOX, "../created"), Errno.NOTCAPABLE));
        rows.add(row("rmdir ../rw", t -> t.rmdir(SANDBOX, "../rw"), Errno.NOTCAPABLE));
        rows.add(row("unlink ../ro-file", t -> t.unlink(SANDBOX, "../ro-file"), Errno.NOTCAPABLE));
        rows.add(row("rename file to ../created", t -> t.rename(SANDBOX, "file", SANDBOX, "../created"),
                Errno.NOTCAPABLE));
        rows.add(row("rename ../ro-file in", t -> t.rename(SANDBOX, "../ro-file", SANDBOX, "x"), Errno.NOTCAPABLE));
        rows.add(row("link file to ../created", t -> t.link(SANDBOX, "file", SANDBOX, "../created"), Errno.NOTCAPABLE));
        rows.add(row("link ../ro-file in", t -> t.link(SANDBOX, "../ro-file", SANDBOX, "x"), Errno.NOTCAPABLE));
        rows.add(row("symlink at ../created", t -> t.symlink("x", SANDBOX, "../created"), Errno.NOTCAPABLE));
        rows.add(row("set times of ../ro-file", t -> t.setTimes(SANDBOX, "../ro-file"), Errno.NOTCAPABLE));
        rows.add(row("stat ../secret", t -> t.stat(SANDBOX, FOLLOW, "../../secret"), Errno.NOTCAPABLE));
        rows.add(row("readlink ../x", t -> t.readlink(SANDBOX, "../x"), Errno.NOTCAPABLE));
        // absolute paths
        for (String path : new String[] { "/", "/secret", "/data/rw/file", "/sandbox/file", "//secret" }) {
            rows.add(row("open " + path, t -> t.open(SANDBOX, FOLLOW, path, 0), Errno.NOTCAPABLE));
        }
        rows.add(row("create /created", t -> t.open(SANDBOX, 0, "/created", OFlags.CREAT), Errno.NOTCAPABLE));
        rows.add(row("mkdir /created", t -> t.mkdir(SANDBOX, "/created"), Errno.NOTCAPABLE));
        rows.add(row("unlink /secret", t -> t.unlink(SANDBOX, "/secret"), Errno.NOTCAPABLE));
        rows.add(row("rename to /created", t -> t.rename(SANDBOX, "file", SANDBOX, "/created"), Errno.NOTCAPABLE));
        rows.add(row("symlink abs2 -> /secret", t -> t.symlink("/secret", SANDBOX, "abs2"), Errno.PERM));
        rows.add(row("symlink abs2 -> /", t -> t.symlink("/", SANDBOX, "abs2"), Errno.PERM));
        // symlinks pointing out, chains, loops
        rows.add(row("open abs (made by the host)", t -> t.open(SANDBOX, FOLLOW, "abs", 0), Errno.NOTCAPABLE));
        rows.add(row("open up/ro-file", t -> t.open(SANDBOX, FOLLOW, "up/ro-file", 0), Errno.NOTCAPABLE));
        rows.add(row("open up2/secret", t -> t.open(SANDBOX, FOLLOW, "up2/secret", 0), Errno.NOTCAPABLE));
        rows.add(row("open chain/ro-file", t -> t.open(SANDBOX, FOLLOW, "chain/ro-file", 0), Errno.NOTCAPABLE));
        rows.add(row("O_TRUNC up/ro-file", t -> t.open(SANDBOX, FOLLOW, "up/ro-file", OFlags.TRUNC),
                Errno.NOTCAPABLE));
        rows.add(row("mkdir up/created", t -> t.mkdir(SANDBOX, "up/created"), Errno.NOTCAPABLE));
        rows.add(row("unlink up/ro-file", t -> t.unlink(SANDBOX, "up/ro-file"), Errno.NOTCAPABLE));
        rows.add(row("rename into chain/", t -> t.rename(SANDBOX, "file", SANDBOX, "chain/created"), Errno.NOTCAPABLE));
        rows.add(row("link out of up2/", t -> t.link(SANDBOX, "up2/secret", SANDBOX, "x"), Errno.NOTCAPABLE));
        rows.add(row("stat up2/outside with FOLLOW", t -> t.stat(SANDBOX, FOLLOW, "up2/outside"), Errno.NOTCAPABLE));
        rows.add(row("open loop", t -> t.open(SANDBOX, FOLLOW, "loop", 0), Errno.LOOP));
        rows.add(row("create loop/x", t -> t.open(SANDBOX, FOLLOW, "loop/x", OFlags.CREAT), Errno.LOOP));
        // trailing slash plus a symlink (GHSA-vqjp-4c8c-hfgg)
        rows.add(row("open up/", t -> t.open(SANDBOX, 0, "up/", 0), Errno.NOTCAPABLE));
        rows.add(row("create out/", t -> t.open(SANDBOX, 0, "out/", OFlags.CREAT), Errno.ISDIR));
        rows.add(row("create up/created/", t -> t.open(SANDBOX, 0, "up/created/", OFlags.CREAT), Errno.NOTCAPABLE));
        rows.add(row("mkdir out/ (never follows)", t -> t.mkdir(SANDBOX, "out/"), Errno.EXIST));
        rows.add(row("mkdir up/created/", t -> t.mkdir(SANDBOX, "up/created/"), Errno.NOTCAPABLE));
        rows.add(row("open abs/", t -> t.open(SANDBOX, 0, "abs/", 0), Errno.NOTCAPABLE));
        // rmdir never follows its last name, even before a slash: up is a symlink, not a directory (Linux).
        rows.add(row("rmdir up/ (never follows)", t -> t.rmdir(SANDBOX, "up/"), Errno.NOTDIR));
        // symlink + O_CREAT creating outside (CVE-2024-38358)
        rows.add(row("O_CREAT through out", t -> t.open(SANDBOX, FOLLOW, "out", OFlags.CREAT), Errno.NOTCAPABLE));
        rows.add(row("O_CREAT|O_TRUNC through out", t -> t.open(SANDBOX, FOLLOW, "out", OFlags.CREAT | OFlags.TRUNC),
                Errno.NOTCAPABLE));
        rows.add(row("O_CREAT|O_EXCL at out (never follows)",
                t -> t.open(SANDBOX, FOLLOW, "out", OFlags.CREAT | OFlags.EXCL), Errno.EXIST));
        rows.add(row("O_CREAT through up/created", t -> t.open(SANDBOX, FOLLOW, "up/created", OFlags.CREAT),
                Errno.NOTCAPABLE));
        // the read-only mount (GHSA-2r75-cxrj-cmph, GHSA-4ch3-9j33-3pmj)
        rows.add(row("O_TRUNC in /ro", t -> t.open(RO, 0, "ro-file", OFlags.TRUNC), Errno.PERM));
        rows.add(row("O_CREAT in /ro", t -> t.open(RO, 0, "created", OFlags.CREAT), Errno.PERM));
        rows.add(row("O_TRUNC of rw/file through /ro", t -> t.open(RO, 0, "rw/file", OFlags.TRUNC), Errno.PERM));
        rows.add(row("open for writing in /ro", t -> t.openForWriting(RO, "ro-file"), Errno.PERM));
        rows.add(row("open a missing file for writing in /ro", t -> t.openForWriting(RO, "missing"), Errno.PERM));
        rows.add(row("write through a file opened in /ro", t -> t.writeThrough(RO, "ro-file"), Errno.BADF));
        rows.add(row("pwrite through a file opened in /ro", t -> t.pwriteThrough(RO, "ro-file"), Errno.BADF));
        rows.add(row("set_size through a file opened in /ro", t -> t.setSizeThrough(RO, "ro-file"), Errno.PERM));
        rows.add(row("allocate through a file opened in /ro", t -> t.allocateThrough(RO, "ro-file"), Errno.BADF));
        rows.add(row("fd_filestat_set_times through a file opened in /ro", t -> t.fdSetTimesThrough(RO, "ro-file"),
                Errno.PERM));
        rows.add(row("path_filestat_set_times in /ro", t -> t.setTimes(RO, "ro-file"), Errno.PERM));
        rows.add(row("mkdir in /ro", t -> t.mkdir(RO, "created"), Errno.PERM));
        rows.add(row("rmdir in /ro", t -> t.rmdir(RO, "rw/dir"), Errno.PERM));
        rows.add(row("unlink in /ro", t -> t.unlink(RO, "ro-file"), Errno.PERM));
        rows.add(row("symlink in /ro", t -> t.symlink("ro-file", RO, "created"), Errno.PERM));
        rows.add(row("link within /ro", t -> t.link(RO, "ro-file", RO, "created"), Errno.PERM));
        rows.add(row("link /ro's file into /sandbox", t -> t.link(RO, "ro-file", SANDBOX, "linked"), Errno.PERM));
        rows.add(row("link /ro's file into /other", t -> t.link(RO, "ro-file", OTHER, "linked"), Errno.PERM));
        rows.add(row("rename /ro's file into /sandbox", t -> t.rename(RO, "ro-file", SANDBOX, "moved"),
                Errno.PERM));
        rows.add(row("rename /sandbox's file into /ro", t -> t.rename(SANDBOX, "file", RO, "moved"), Errno.PERM));
        rows.add(row("rename over /ro's file", t -> t.rename(SANDBOX, "file", RO, "ro-file"), Errno.PERM));
        rows.add(row("link /sandbox's file into /ro", t -> t.link(SANDBOX, "file", RO, "linked"), Errno.PERM));
        rows.add(row("rename within /ro", t -> t.rename(RO, "ro-file", RO, "moved"), Errno.PERM));
        rows.add(row("a directory opened through /ro cannot create", t -> t.createThroughSubdirectory(RO, "rw"),
                Errno.PERM));
        // rights that try to grow
        rows.add(row("fd_fdstat_set_rights adds PATH_CREATE_FILE to /ro",
                t -> t.wasi.fdFdstatSetRights(RO, Rights.READ_ONLY_DIRECTORY_BASE | Rights.PATH_CREATE_FILE,
                        Rights.READ_ONLY_INHERITING), Errno.NOTCAPABLE));
        rows.add(row("fd_fdstat_set_rights adds inheriting FD_ALLOCATE to /ro",
                t -> t.wasi.fdFdstatSetRights(RO, Rights.READ_ONLY_DIRECTORY_BASE,
                        Rights.READ_ONLY_INHERITING | Rights.FD_WRITE | Rights.FD_ALLOCATE), Errno.NOTCAPABLE));
        rows.add(row("fd_fdstat_set_rights adds a right above bit 30",
                t -> t.wasi.fdFdstatSetRights(RO, Rights.READ_ONLY_DIRECTORY_BASE | (1L << 40),
                        Rights.READ_ONLY_INHERITING), Errno.NOTCAPABLE));
        rows.add(row("a file opened asking for every right still cannot write", t -> t.writeThrough(RO, "rw/file"),
                Errno.BADF));
        rows.add(row("O_TRUNC through a directory fd without PATH_FILESTAT_SET_SIZE",
                t -> t.truncateThroughNarrowed(OTHER, "keep"), Errno.NOTCAPABLE));
        // bad names
        rows.add(row("NUL in a name", t -> t.openBytes(SANDBOX, new byte[] { 'f', 0, 'x' }, OFlags.CREAT),
                Errno.INVAL));
        rows.add(row("NUL before ../", t -> t.openBytes(SANDBOX, bytes("x\0/../../secret"), OFlags.CREAT),
                Errno.INVAL));
        rows.add(row("\\xff", t -> t.openBytes(SANDBOX, new byte[] { (byte) 0xff }, OFlags.CREAT), Errno.ILSEQ));
        rows.add(row("a truncated sequence", t -> t.openBytes(SANDBOX, new byte[] { 'a', (byte) 0xc3 }, OFlags.CREAT),
                Errno.ILSEQ));
        rows.add(row("an overlong ..", t -> t.openBytes(SANDBOX,
                new byte[] { (byte) 0xc0, (byte) 0xae, (byte) 0xc0, (byte) 0xae, '/', 'x' }, OFlags.CREAT),
                Errno.ILSEQ));
        rows.add(row("a surrogate", t -> t.openBytes(SANDBOX, new byte[] { (byte) 0xed, (byte) 0xa0, (byte) 0x80 },
                OFlags.CREAT), Errno.ILSEQ));
        rows.add(row("past U+10FFFF", t -> t.openBytes(SANDBOX,
                new byte[] { (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, OFlags.CREAT), Errno.ILSEQ));
        rows.add(row("a 256-byte name", t -> t.open(SANDBOX, 0, "n".repeat(256), OFlags.CREAT), Errno.NAMETOOLONG));
        rows.add(row("a 4097-byte path", t -> t.open(SANDBOX, 0, "a/".repeat(2048) + "b", OFlags.CREAT),
                Errno.NAMETOOLONG));
        rows.add(row("1400 ../", t -> t.open(SANDBOX, 0, "../".repeat(1400), 0), Errno.NAMETOOLONG));
        rows.add(row("1000 levels deep, then one .. too many", t -> t.deepEscape(1000), Errno.NOTCAPABLE));
        return rows.stream();
    }

    private static Arguments row(String what, Call call, int errno) {
        return Arguments.of(what, call, errno);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("attempts")
    void failsAndLeavesTheOutsideUntouched(String what, Call call, int errno) {
        String before = outside();
        assertEquals(Errno.name(errno), Errno.name(call.applyAsInt(this)), what);
        assertEquals(before, outside(), what + ": the outside changed");
    }

    /** Every node outside /data/rw: path, kind, size, bytes or target, link count and mtime. */
    private String outside() {
        StringBuilder out = new StringBuilder();
        describe(fs.root(), "", out);
        return out.toString();
    }

    private void describe(DirectoryNode directory, String path, StringBuilder out) {
        for (int slot = 0; slot < directory.slotCount(); slot++) {
            DirectoryNode.Entry entry = directory.entryAt(slot);
            if (entry == null) {
                continue;
            }
            String child = path + "/" + entry.name();
            if (child.equals("/data/rw") || child.equals("/other")) {
                out.append(child).append(" (writable preopen)\n");
                if (child.equals("/other")) {
                    out.append("/other/keep ").append(fs.readFile("/other/keep").length).append('\n');
                }
                continue;
            }
            Inode node = entry.node();
            out.append(child).append(' ').append(node.fileType()).append(' ').append(node.size()).append(' ')
                    .append(node.nlink()).append(' ').append(node.mtim());
            if (node instanceof FileNode file) {
                out.append(' ').append(new String(file.data().toByteArray(), StandardCharsets.UTF_8));
            } else if (node instanceof SymlinkNode link) {
                out.append(" -> ").append(new String(link.target(), StandardCharsets.UTF_8));
            }
            out.append('\n');
            if (node instanceof DirectoryNode sub) {
                describe(sub, child, out);
            }
        }
    }

    // ---- the guest's side: raw calls with paths placed in memory ----

    int open(int dir, int lookup, String path, int oflags) {
        return openBytes(dir, lookup, bytes(path), oflags, FILE_RIGHTS);
    }

    int openBytes(int dir, byte[] path, int oflags) {
        return openBytes(dir, 0, path, oflags, FILE_RIGHTS);
    }

    private int openBytes(int dir, int lookup, byte[] path, int oflags, long rights) {
        int len = put(PATH_A, path);
        int e = wasi.pathOpen(dir, lookup, PATH_A, len, oflags, rights, rights, 0, OUT);
        if (e == Errno.SUCCESS) {
            wasi.fdClose(memory.readI32(OUT));
        }
        return e;
    }

    /** Opens {@code path} asking for every right but FD_WRITE; returns the fd, or fails the test. */
    private int openedFd(int dir, String path) {
        int len = put(PATH_A, bytes(path));
        assertEquals(Errno.name(Errno.SUCCESS),
                Errno.name(wasi.pathOpen(dir, 0, PATH_A, len, 0, Rights.ALL & ~Rights.FD_WRITE, Rights.ALL, 0, OUT)));
        return memory.readI32(OUT);
    }

    int openForWriting(int dir, String path) {
        return openBytes(dir, 0, bytes(path), 0, Rights.FD_WRITE);
    }

    int writeThrough(int dir, String path) {
        int fd = openedFd(dir, path);
        putIovec();
        return wasi.fdWrite(fd, IOV, 1, OUT);
    }

    int pwriteThrough(int dir, String path) {
        int fd = openedFd(dir, path);
        putIovec();
        return wasi.fdPwrite(fd, IOV, 1, 0, OUT);
    }

    int setSizeThrough(int dir, String path) {
        return wasi.fdFilestatSetSize(openedFd(dir, path), 0);
    }

    int allocateThrough(int dir, String path) {
        return wasi.fdAllocate(openedFd(dir, path), 0, 100);
    }

    int fdSetTimesThrough(int dir, String path) {
        return wasi.fdFilestatSetTimes(openedFd(dir, path), 1, 1, FstFlags.MTIM);
    }

    int createThroughSubdirectory(int dir, String path) {
        int len = put(PATH_A, bytes(path));
        assertEquals(Errno.SUCCESS, wasi.pathOpen(dir, 0, PATH_A, len, OFlags.DIRECTORY,
                Rights.DIRECTORY_BASE, Rights.ALL, 0, OUT));
        return open(memory.readI32(OUT), 0, "created", OFlags.CREAT);
    }

    int truncateThroughNarrowed(int dir, String path) {
        int len = put(PATH_A, bytes("."));
        assertEquals(Errno.SUCCESS, wasi.pathOpen(dir, 0, PATH_A, len, OFlags.DIRECTORY,
                Rights.PATH_OPEN, FILE_RIGHTS, 0, OUT));
        return open(memory.readI32(OUT), 0, path, OFlags.TRUNC);
    }

    int deepEscape(int levels) {
        int at = SANDBOX;
        for (int i = 0; i < levels; i++) {
            assertEquals(Errno.SUCCESS, mkdir(at, "d"));
            int len = put(PATH_A, bytes("d"));
            assertEquals(Errno.SUCCESS, wasi.pathOpen(at, 0, PATH_A, len, OFlags.DIRECTORY,
                    Rights.DIRECTORY_BASE, Rights.DIRECTORY_INHERITING, 0, OUT));
            if (at != SANDBOX) {
                wasi.fdClose(at);
            }
            at = memory.readI32(OUT);
        }
        assertEquals(Errno.SUCCESS, openBytes(SANDBOX, 0, bytes("d/".repeat(levels)), OFlags.DIRECTORY,
                Rights.DIRECTORY_BASE));
        return openBytes(at, 0, bytes("../".repeat(levels)), OFlags.DIRECTORY, Rights.DIRECTORY_BASE);
    }

    int mkdir(int dir, String path) {
        return wasi.pathCreateDirectory(dir, PATH_A, put(PATH_A, bytes(path)));
    }

    int rmdir(int dir, String path) {
        return wasi.pathRemoveDirectory(dir, PATH_A, put(PATH_A, bytes(path)));
    }

    int unlink(int dir, String path) {
        return wasi.pathUnlinkFile(dir, PATH_A, put(PATH_A, bytes(path)));
    }

    int stat(int dir, int lookup, String path) {
        return wasi.pathFilestatGet(dir, lookup, PATH_A, put(PATH_A, bytes(path)), OUT);
    }

    int readlink(int dir, String path) {
        return wasi.pathReadlink(dir, PATH_A, put(PATH_A, bytes(path)), PATH_B, 64, OUT);
    }

    int setTimes(int dir, String path) {
        return wasi.pathFilestatSetTimes(dir, 0, PATH_A, put(PATH_A, bytes(path)), 1, 1, FstFlags.MTIM);
    }

    int rename(int fromDir, String from, int toDir, String to) {
        return wasi.pathRename(fromDir, PATH_A, put(PATH_A, bytes(from)), toDir, PATH_B, put(PATH_B, bytes(to)));
    }

    int link(int fromDir, String from, int toDir, String to) {
        return wasi.pathLink(fromDir, 0, PATH_A, put(PATH_A, bytes(from)), toDir, PATH_B, put(PATH_B, bytes(to)));
    }

    int symlink(String target, int dir, String path) {
        return wasi.pathSymlink(PATH_A, put(PATH_A, bytes(target)), dir, PATH_B, put(PATH_B, bytes(path)));
    }

    private void putIovec() {
        memory.writeI32(IOV, PATH_B);
        memory.writeI32(IOV + 4, 1);
        memory.writeU8(PATH_B, 'X');
    }

    private int put(int address, byte[] value) {
        memory.write(address, value, 0, value.length);
        return value.length;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

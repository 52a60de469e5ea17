package org.wasipolyfill.core.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.wasipolyfill.core.FakeClock;
import org.wasipolyfill.core.Preview1;
import org.wasipolyfill.core.Preview1Calls;
import org.wasipolyfill.core.WasiConfig;
import org.wasipolyfill.core.WasiTrap;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.FileType;
import org.wasipolyfill.core.abi.Layout;
import org.wasipolyfill.core.abi.LookupFlags;
import org.wasipolyfill.core.abi.Rights;
import org.wasipolyfill.core.fs.DirectoryNode;
import org.wasipolyfill.core.fs.FileNode;
import org.wasipolyfill.core.fs.Inode;
import org.wasipolyfill.core.fs.MemFs;
import org.wasipolyfill.core.fs.SymlinkNode;
import org.wasipolyfill.core.memory.ByteArrayGuestMemory;

/**
 * Runs generated calls against {@link Preview1} over a {@link ByteArrayGuestMemory} and against
 * {@link FsModel} side by side, and after every call checks that they agree (errnos, bytes read,
 * stats, directory listings) and that the filesystem is sound: the tree under the preopen is the
 * model's, with the right link counts, sizes and parent links; every open descriptor is one the
 * model has; and the sibling directory outside the preopen is byte for byte what it was.
 *
 * <pre>
 * /                  MemFS root
 * ├── outside/       never handed to the guest: must never change
 * │   ├── secret.txt
 * │   ├── dir/inner.txt
 * │   └── link -> secret.txt
 * └── sandbox/       preopen "/sandbox" at fd 3
 *     ├── a          "hello"
 *     ├── d/
 *     ├── l -> a
 *     └── out -> ../outside/secret.txt
 * </pre>
 */
final class Harness {
    static final int PREOPEN = 3;
    static final int MEMORY_SIZE = 0x10000;
    private static final int PATH1 = 0x1000;
    private static final int PATH2 = 0x3000;
    private static final int IOVS = 0x0800;
    private static final int DATA = 0x4000;
    private static final int RESULT = 0x9000;
    private static final int STAT = 0x9100;
    private static final int LISTING = 0xA000;
    private static final int LISTING_MAX = 0x4000;
    /** Pointers that reach past the end of memory, the last one wrapping past 2^32. */
    private static final int[] WILD = {MEMORY_SIZE - 3, MEMORY_SIZE, MEMORY_SIZE - 1, -1, 0x7FFFFFFF};

    enum Outcome { RAN, TRAPPED }

    private final FakeClock clock = new FakeClock();
    private final MemFs fs = new MemFs(clock);
    private final ByteArrayGuestMemory memory = new ByteArrayGuestMemory(MEMORY_SIZE);
    private final Preview1Calls wasi;
    private final FsModel model = new FsModel(PREOPEN);
    private final DirectoryNode sandbox;
    private final byte[] outsideBefore;
    private final Map<FsModel.Node, Inode> realOf = new IdentityHashMap<>();
    private final Map<Inode, FsModel.Node> modelOf = new IdentityHashMap<>();
    private int calls;

    Harness() {
        fs.mkdir("/outside/dir", true);
        fs.writeFile("/outside/secret.txt", bytes("top secret"));
        fs.writeFile("/outside/dir/inner.txt", bytes("inner"));
        fs.symlink("secret.txt", "/outside/link");
        fs.mkdir("/sandbox", false);
        fs.writeFile("/sandbox/a", bytes("hello"));
        fs.mkdir("/sandbox/d", false);
        fs.symlink("a", "/sandbox/l");
        fs.symlink("../outside/secret.txt", "/sandbox/out");
        FsModel.File a = new FsModel.File();
        a.content = bytes("hello");
        model.tree.put("a", a);
        model.tree.put("d", new FsModel.Dir());
        model.tree.put("l", new FsModel.Link(bytes("a")));
        model.tree.put("out", new FsModel.Link(bytes("../outside/secret.txt")));
        sandbox = fs.directory("/sandbox");
        Preview1 preview1 = new Preview1(WasiConfig.builder().clock(clock).random((m, at, n) -> { }).fs(fs)
                .preopen("/sandbox", "/sandbox").build());
        preview1.bindMemory(memory);
        wasi = new Preview1Calls(preview1);
        outsideBefore = outsideSnapshot();
        checkTree();
    }

    int calls() {
        return calls;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ---- running one call ----

    /** The fd a selector names: open descriptors in an order that suits the call, then one that is not open. */
    int pick(int selector, Call.Op op) {
        List<Integer> files = new ArrayList<>();
        List<Integer> dirs = new ArrayList<>();
        for (Map.Entry<Integer, FsModel.Fd> e : model.fds.entrySet()) {
            if (e.getKey() != PREOPEN) {
                (e.getValue().isDir() ? dirs : files).add(e.getKey());
            }
        }
        files.sort(null);
        dirs.sort(null);
        List<Integer> order = new ArrayList<>();
        boolean preopenOpen = model.fds.containsKey(PREOPEN);
        switch (op) {
            // Calls on files, and the calls that would lose the preopen: files first, the preopen last.
            case FD_WRITE, FD_PWRITE, FD_READ, FD_PREAD, FD_SEEK, FD_TELL, FD_FILESTAT_SET_SIZE, FD_ALLOCATE,
                    FD_CLOSE, FD_RENUMBER, FD_FDSTAT_SET_RIGHTS -> {
                order.addAll(files);
                order.addAll(dirs);
                if (preopenOpen) {
                    order.add(PREOPEN);
                }
            }
            default -> {
                if (preopenOpen) {
                    order.add(PREOPEN);
                }
                order.addAll(dirs);
                order.addAll(files);
            }
        }
        order.add(model.lowestFreeFd());
        return order.get(Math.floorMod(selector, order.size()));
    }

    /** Runs the call on both sides and checks everything; returns whether the sequence may go on. */
    Outcome run(Call c) {
        calls++;
        current = c;
        int fd = pick(c.fd(), c.op());
        int fd2 = pick(c.fd2(), c.op());
        FsModel.Fd rightsOf = model.fds.get(fd);
        rightsArgument = rightsOf == null ? 0 : changedRights(c.rights(), rightsOf.rightsBase);
        inheritingArgument = rightsOf == null ? 0 : changedRights(c.rights(), rightsOf.rightsInheriting);
        int wild = c.wild() == 0 ? 0 : WILD[(c.wild() - 1) % WILD.length];
        Object expected = null;
        if (wild == 0) {
            try {
                expected = expect(c, fd, fd2);
            } catch (FsModel.Failure f) {
                expected = f;
            }
        }
        int errno;
        try {
            errno = call(c, fd, fd2, wild);
        } catch (WasiTrap trap) {
            if (wild == 0) {
                throw new AssertionError(c + ": trapped with every pointer in memory: " + trap.getMessage(), trap);
            }
            // A trap ends the guest: nothing after it can be observed.
            return Outcome.TRAPPED;
        } catch (RuntimeException e) {
            throw new AssertionError(c + ": host exception " + e, e);
        }
        if (wild != 0) {
            // Answered without touching the wild pointer: it must have failed before doing anything.
            if (errno == Errno.SUCCESS) {
                throw new AssertionError(c + ": succeeded with a pointer outside memory");
            }
        } else {
            int want = expected instanceof FsModel.Failure f ? f.errno : Errno.SUCCESS;
            if (errno != want) {
                throw new AssertionError(c + " [fd " + fd + ", fd2 " + fd2 + "]: errno " + Errno.name(errno)
                        + ", model says " + Errno.name(want));
            }
            if (want == Errno.SUCCESS) {
                checkResult(c, expected, fd);
            }
        }
        checkTree();
        checkDescriptors();
        if (!Arrays.equals(outsideBefore, outsideSnapshot())) {
            throw new AssertionError(c + ": the directory outside the preopen changed");
        }
        return Outcome.RAN;
    }

    /** fd_fdstat_set_rights' arguments, worked out from the rights before the call. */
    private long rightsArgument;
    private long inheritingArgument;

    /** What the model says: a value to compare (bytes read, a node, a listing), or throws its Failure. */
    private Object expect(Call c, int fd, int fd2) {
        return switch (c.op()) {
            case PATH_OPEN -> model.pathOpen(fd, c.follow(), c.path(), c.oflags(), requestedRights(c), requestedRights(c),
                    c.fdflags());
            case FD_CLOSE -> model.fdClose(fd);
            case FD_RENUMBER -> model.fdRenumber(fd, fd2);
            case FD_FDSTAT_SET_RIGHTS -> model.fdFdstatSetRights(fd, rightsArgument, inheritingArgument);
            case FD_FDSTAT_GET -> model.fd(fd);
            case FD_WRITE -> model.write(fd, data(c), null);
            case FD_PWRITE -> model.write(fd, data(c), c.offset());
            case FD_READ -> model.read(fd, c.length(), null);
            case FD_PREAD -> model.read(fd, c.length(), c.offset());
            case FD_SEEK -> model.fdSeek(fd, c.offset(), c.whence());
            case FD_TELL -> model.fdTell(fd);
            case FD_FILESTAT_SET_SIZE -> model.fdFilestatSetSize(fd, c.offset());
            case FD_ALLOCATE -> model.fdAllocate(fd, c.offset(), c.length());
            case FD_FILESTAT_GET -> model.fdFilestatGet(fd);
            case FD_READDIR -> model.fdReaddir(fd);
            case PATH_CREATE_DIRECTORY -> model.pathCreateDirectory(fd, c.path());
            case PATH_REMOVE_DIRECTORY -> model.pathRemoveDirectory(fd, c.path());
            case PATH_UNLINK_FILE -> model.pathUnlinkFile(fd, c.path());
            case PATH_RENAME -> model.pathRename(fd, c.path(), fd2, c.path2());
            case PATH_LINK -> model.pathLink(fd, c.follow(), c.path(), fd2, c.path2());
            case PATH_SYMLINK -> model.pathSymlink(c.path2(), fd, c.path());
            case PATH_READLINK -> model.pathReadlink(fd, c.path(), c.length());
            case PATH_FILESTAT_GET -> model.pathFilestatGet(fd, c.follow(), c.path());
        };
    }

    static final long[] RIGHTS = {
        -1L,
        Rights.ALL & ~Rights.FD_WRITE,
        Rights.ALL & ~Rights.FD_READ,
        Rights.FD_READ | Rights.FD_WRITE,
        0,
        Rights.ALL & ~(Rights.PATH_CREATE_FILE | Rights.PATH_CREATE_DIRECTORY | Rights.FD_SEEK),
        Rights.ALL,
    };

    private static long requestedRights(Call c) {
        return RIGHTS[Math.floorMod(c.rights(), RIGHTS.length)];
    }

    /** fd_fdstat_set_rights' argument: the current rights shrunk, kept, or grown (which must fail). */
    private static long changedRights(int change, int current) {
        return switch (Math.floorMod(change, 9)) {
            case 0 -> current;
            case 1 -> current & ~Rights.FD_WRITE;
            case 2 -> current & ~Rights.FD_READ;
            case 3 -> current & ~Rights.PATH_OPEN;
            case 4 -> current & ~Rights.FD_SEEK;
            case 5 -> current & ~(Rights.PATH_CREATE_FILE | Rights.FD_READDIR);
            case 6 -> current | Rights.FD_WRITE;
            case 7 -> -1L;
            default -> 0;
        };
    }

    static byte[] data(Call c) {
        byte[] data = new byte[c.length()];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (c.seed() + i * 31);
        }
        return data;
    }

    /** Makes the real call; returns its errno. */
    private int call(Call c, int fd, int fd2, int wild) {
        byte[] path = c.path();
        byte[] path2 = c.path2();
        memory.write(PATH1, path, 0, path.length);
        memory.write(PATH2, path2, 0, path2.length);
        int p1 = PATH1;
        int out = RESULT;
        // A result is at least 4 bytes, so 3 bytes before the end is outside for it; a path may be 1 byte.
        int wildPath = wild == MEMORY_SIZE - 3 ? MEMORY_SIZE : wild;
        if (wild != 0) {
            switch (c.op()) {
                case PATH_CREATE_DIRECTORY, PATH_REMOVE_DIRECTORY, PATH_UNLINK_FILE, PATH_RENAME, PATH_LINK -> p1 = wildPath;
                default -> out = wild;
            }
        }
        return switch (c.op()) {
            case PATH_OPEN -> wasi.pathOpen(fd, c.follow() ? LookupFlags.SYMLINK_FOLLOW : 0, p1, path.length, c.oflags(),
                    requestedRights(c), requestedRights(c), c.fdflags(), out);
            case FD_CLOSE -> wasi.fdClose(fd);
            case FD_RENUMBER -> wasi.fdRenumber(fd, fd2);
            case FD_FDSTAT_SET_RIGHTS -> wasi.fdFdstatSetRights(fd, rightsArgument, inheritingArgument);
            case FD_FDSTAT_GET -> wasi.fdFdstatGet(fd, out == RESULT ? STAT : out);
            case FD_WRITE -> wasi.fdWrite(fd, iovecs(c, true, wild), c.iovecs(), out);
            case FD_PWRITE -> wasi.fdPwrite(fd, iovecs(c, true, wild), c.iovecs(), c.offset(), out);
            case FD_READ -> wasi.fdRead(fd, iovecs(c, false, wild), c.iovecs(), out);
            case FD_PREAD -> wasi.fdPread(fd, iovecs(c, false, wild), c.iovecs(), c.offset(), out);
            case FD_SEEK -> wasi.fdSeek(fd, c.offset(), c.whence(), out);
            case FD_TELL -> wasi.fdTell(fd, out);
            case FD_FILESTAT_SET_SIZE -> wasi.fdFilestatSetSize(fd, c.offset());
            case FD_ALLOCATE -> wasi.fdAllocate(fd, c.offset(), c.length());
            case FD_FILESTAT_GET -> wasi.fdFilestatGet(fd, out == RESULT ? STAT : out);
            case FD_READDIR -> wasi.fdReaddir(fd, LISTING, Math.min(c.length(), LISTING_MAX), 0, out);
            case PATH_CREATE_DIRECTORY -> wasi.pathCreateDirectory(fd, p1, path.length);
            case PATH_REMOVE_DIRECTORY -> wasi.pathRemoveDirectory(fd, p1, path.length);
            case PATH_UNLINK_FILE -> wasi.pathUnlinkFile(fd, p1, path.length);
            case PATH_RENAME -> wasi.pathRename(fd, p1, path.length, fd2, PATH2, path2.length);
            case PATH_LINK -> wasi.pathLink(fd, c.follow() ? LookupFlags.SYMLINK_FOLLOW : 0, p1, path.length, fd2, PATH2,
                    path2.length);
            case PATH_SYMLINK -> wasi.pathSymlink(wild != 0 ? wildPath : PATH2, path2.length, fd, PATH1, path.length);
            case PATH_READLINK -> wasi.pathReadlink(fd, p1, path.length, LISTING, Math.min(c.length(), LISTING_MAX), out);
            case PATH_FILESTAT_GET -> wasi.pathFilestatGet(fd, c.follow() ? LookupFlags.SYMLINK_FOLLOW : 0, p1, path.length,
                    out == RESULT ? STAT : out);
        };
    }

    /**
     * Lays the iovec array out at IOVS: {@code c.iovecs()} buffers splitting the data (for a write,
     * the model's bytes; for a read, room for {@code c.length()} bytes), the first ones possibly empty.
     */
    private int iovecs(Call c, boolean write, int wild) {
        int count = c.iovecs();
        int total = c.length();
        if (write) {
            byte[] data = data(c);
            memory.write(DATA, data, 0, data.length);
        } else {
            memory.fill(DATA, total);
        }
        int done = 0;
        for (int i = 0; i < count; i++) {
            int piece = i == count - 1 ? total - done : (total - done) / 2;
            memory.writeI32(IOVS + i * Layout.IOVEC_SIZE, DATA + done);
            memory.writeI32(IOVS + i * Layout.IOVEC_SIZE + 4, piece);
            done += piece;
        }
        return wild != 0 && (c.seed() & 1) == 0 ? wild : IOVS;
    }

    // ---- checking ----

    private void checkResult(Call c, Object expected, int fd) {
        switch (c.op()) {
            case PATH_OPEN -> assertEq(c, "the new fd", expected, memory.readI32(RESULT));
            case FD_WRITE, FD_PWRITE -> assertEq(c, "bytes written", expected, memory.readI32(RESULT));
            case FD_READ, FD_PREAD -> {
                byte[] want = (byte[]) expected;
                assertEq(c, "bytes read", want.length, memory.readI32(RESULT));
                byte[] got = new byte[want.length];
                memory.read(DATA, got, 0, got.length);
                if (!Arrays.equals(want, got)) {
                    throw new AssertionError(c + ": read " + Arrays.toString(got) + ", model says " + Arrays.toString(want));
                }
            }
            case FD_SEEK, FD_TELL -> assertEq(c, "position", expected, memory.readI64(RESULT));
            case FD_FILESTAT_GET, PATH_FILESTAT_GET -> checkStat(c, (FsModel.Node) expected);
            case PATH_READLINK -> {
                byte[] want = (byte[]) expected;
                assertEq(c, "readlink length", want.length, memory.readI32(RESULT));
                byte[] got = new byte[want.length];
                memory.read(LISTING, got, 0, got.length);
                if (!Arrays.equals(want, got)) {
                    throw new AssertionError(c + ": readlink gave " + new String(got, StandardCharsets.ISO_8859_1));
                }
            }
            case FD_READDIR -> {
                @SuppressWarnings("unchecked")
                List<Map.Entry<String, FsModel.Node>> entries = (List<Map.Entry<String, FsModel.Node>>) expected;
                checkListing(c, fd, entries);
            }
            default -> { }
        }
    }

    private void checkStat(Call c, FsModel.Node node) {
        assertEq(c, "filetype", FsModel.fileType(node), memory.readU8(STAT + Layout.FILESTAT_FILETYPE));
        assertEq(c, "nlink", (long) model.linkCount(node), memory.readI64(STAT + Layout.FILESTAT_NLINK));
        assertEq(c, "size", FsModel.size(node), memory.readI64(STAT + Layout.FILESTAT_SIZE_FIELD));
        Inode real = realOf.get(node);
        if (real != null) {
            assertEq(c, "ino", real.ino(), memory.readI64(STAT + Layout.FILESTAT_INO));
        }
    }

    /** The listing must be the model's names in order, each dirent whole where the buffer had room, then cut. */
    private void checkListing(Call c, int fd, List<Map.Entry<String, FsModel.Node>> entries) {
        int bufLen = Math.min(c.length(), LISTING_MAX);
        List<Long> inos = new ArrayList<>();
        for (Map.Entry<String, FsModel.Node> e : entries) {
            FsModel.Node node = e.getValue();
            Inode real = node == null ? null : realOf.get(node);
            inos.add(real == null ? -1L : real.ino());
        }
        byte[] got = new byte[memory.readI32(RESULT)];
        memory.read(LISTING, got, 0, got.length);
        int at = 0;
        int index = 0;
        long previousCookie = 0;
        while (at + Layout.DIRENT_SIZE <= got.length) {
            long next = readLong(got, at);
            long ino = readLong(got, at + Layout.DIRENT_INO);
            int nameLength = readInt(got, at + Layout.DIRENT_NAMLEN);
            int type = got[at + Layout.DIRENT_TYPE];
            if (index >= entries.size()) {
                throw new AssertionError(c + ": more entries than the model's " + names(entries));
            }
            Map.Entry<String, FsModel.Node> want = entries.get(index);
            byte[] name = want.getKey().getBytes(StandardCharsets.ISO_8859_1);
            assertEq(c, "dirent " + index + " name length", name.length, nameLength);
            if (next <= previousCookie) {
                throw new AssertionError(c + ": cookies not increasing at entry " + index);
            }
            previousCookie = next;
            if (want.getValue() != null) {
                assertEq(c, "dirent " + want.getKey() + " type", FsModel.fileType(want.getValue()), type);
                if (inos.get(index) >= 0) {
                    assertEq(c, "dirent " + want.getKey() + " ino", inos.get(index), ino);
                }
            }
            int nameAvailable = Math.min(name.length, got.length - at - Layout.DIRENT_SIZE);
            byte[] gotName = Arrays.copyOfRange(got, at + Layout.DIRENT_SIZE, at + Layout.DIRENT_SIZE + nameAvailable);
            if (!Arrays.equals(Arrays.copyOf(name, nameAvailable), gotName)) {
                throw new AssertionError(c + ": dirent " + index + " is " + new String(gotName, StandardCharsets.ISO_8859_1)
                        + ", model says " + want.getKey() + " in " + names(entries));
            }
            at += Layout.DIRENT_SIZE + name.length;
            index++;
        }
        int wholeSize = 0;
        for (Map.Entry<String, FsModel.Node> e : entries) {
            wholeSize += Layout.DIRENT_SIZE + e.getKey().length();
        }
        assertEq(c, "bufused", (long) Math.min(bufLen, wholeSize), (long) got.length);
        if (got.length == wholeSize && !entries.isEmpty()) {
            checkResumption(c, fd, got, Math.floorMod(c.seed(), entries.size()));
        }
    }

    /** fd_readdir from the cookie of entry {@code k} of a whole listing lists exactly the entries after it. */
    private void checkResumption(Call c, int fd, byte[] whole, int k) {
        int at = 0;
        for (int i = 0; i < k; i++) {
            at += Layout.DIRENT_SIZE + readInt(whole, at + Layout.DIRENT_NAMLEN);
        }
        long cookie = readLong(whole, at);
        at += Layout.DIRENT_SIZE + readInt(whole, at + Layout.DIRENT_NAMLEN);
        assertEq(c, "readdir from a cookie", Errno.SUCCESS, wasi.fdReaddir(fd, LISTING, LISTING_MAX, cookie, RESULT));
        byte[] rest = new byte[memory.readI32(RESULT)];
        memory.read(LISTING, rest, 0, rest.length);
        if (!Arrays.equals(Arrays.copyOfRange(whole, at, whole.length), rest)) {
            throw new AssertionError(c + ": fd_readdir from the cookie after entry " + k + " lists other entries");
        }
    }

    private static List<String> names(List<Map.Entry<String, FsModel.Node>> entries) {
        return entries.stream().map(Map.Entry::getKey).toList();
    }

    private static long readLong(byte[] b, int at) {
        return (readInt(b, at) & 0xFFFFFFFFL) | (long) readInt(b, at + 4) << 32;
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    private void assertEq(Call c, String what, Object want, Object got) {
        if (want instanceof Integer i && got instanceof Long) {
            want = (long) i;
        }
        if (!want.equals(got)) {
            throw new AssertionError((c != null ? c : "after " + current) + ": " + what + " is " + got + ", model says " + want);
        }
    }

    /** The call being checked, for messages about the state it left. */
    private Call current;

    /** The real tree under the preopen is the model's: names in order, kinds, bytes, link counts, parents. */
    void checkTree() {
        checkDirectory("", sandbox, fs.root());
    }

    private void checkDirectory(String path, DirectoryNode real, DirectoryNode realParent) {
        FsModel.Node node = model.tree.get(path);
        bind(path, node, real);
        if (real.parent() != realParent) {
            throw new AssertionError("after " + current + ": '" + path + "': its parent link is not the directory it is in");
        }
        assertEq(null, "'" + path + "' link count", (long) model.linkCount(node), real.nlink());
        List<String> want = model.childrenOf(path);
        List<String> got = new ArrayList<>();
        for (int slot = 0; slot < real.slotCount(); slot++) {
            DirectoryNode.Entry e = real.entryAt(slot);
            if (e != null) {
                got.add(new String(e.name().bytes(), StandardCharsets.ISO_8859_1));
            }
        }
        if (!want.equals(got)) {
            throw new AssertionError("after " + current + ": '" + path + "' holds " + got + ", model says " + want);
        }
        assertEq(null, "'" + path + "' entry count", want.size(), real.entryCount());
        for (int slot = 0; slot < real.slotCount(); slot++) {
            DirectoryNode.Entry e = real.entryAt(slot);
            if (e == null) {
                continue;
            }
            String child = FsModel.join(path, new String(e.name().bytes(), StandardCharsets.ISO_8859_1));
            FsModel.Node m = model.tree.get(child);
            Inode r = e.node();
            if (r instanceof DirectoryNode dir) {
                if (!(m instanceof FsModel.Dir)) {
                    throw new AssertionError("after " + current + ": '" + child + "' is a directory, model says " + m);
                }
                checkDirectory(child, dir, real);
            } else {
                bind(child, m, r);
                assertEq(null, "'" + child + "' link count", (long) model.linkCount(m), r.nlink());
                assertEq(null, "'" + child + "' size", FsModel.size(m), r.size());
                if (r instanceof FileNode file) {
                    if (!(m instanceof FsModel.File f) || !Arrays.equals(f.content, file.data().toByteArray())) {
                        throw new AssertionError("after " + current + ": '" + child + "' holds other bytes than the model's");
                    }
                } else if (r instanceof SymlinkNode link) {
                    if (!(m instanceof FsModel.Link l) || !Arrays.equals(l.target(), link.target())) {
                        throw new AssertionError("after " + current + ": '" + child + "' is another symlink than the model's");
                    }
                }
            }
        }
    }

    /** Model nodes and real inodes correspond one to one, for as long as the run lasts. */
    private void bind(String path, FsModel.Node m, Inode r) {
        Inode known = realOf.get(m);
        FsModel.Node knownModel = modelOf.get(r);
        if ((known != null && known != r) || (knownModel != null && knownModel != m) || m == null) {
            throw new AssertionError("after " + current + ": '" + path + "' is another node than the model's");
        }
        realOf.put(m, r);
        modelOf.put(r, m);
    }

    /** Every model descriptor is open with the model's kind, rights and flags on the model's node; no other is open. */
    private void checkDescriptors() {
        int highest = PREOPEN + 2;
        for (Map.Entry<Integer, FsModel.Fd> e : model.fds.entrySet()) {
            int fd = e.getKey();
            FsModel.Fd d = e.getValue();
            highest = Math.max(highest, fd + 2);
            int errno = wasi.fdFdstatGet(fd, STAT);
            assertEq(null, "fd " + fd + " fdstat errno", Errno.SUCCESS, errno);
            assertEq(null, "fd " + fd + " type", d.isDir() ? FileType.DIRECTORY : FileType.REGULAR_FILE,
                    memory.readU8(STAT + Layout.FDSTAT_FILETYPE));
            assertEq(null, "fd " + fd + " flags", d.fdFlags, memory.readU16(STAT + Layout.FDSTAT_FLAGS));
            assertEq(null, "fd " + fd + " rights", (long) d.rightsBase & 0xFFFFFFFFL,
                    memory.readI64(STAT + Layout.FDSTAT_RIGHTS_BASE));
            assertEq(null, "fd " + fd + " inheriting rights", (long) d.rightsInheriting & 0xFFFFFFFFL,
                    memory.readI64(STAT + Layout.FDSTAT_RIGHTS_INHERITING));
            if ((d.rightsBase & Rights.FD_FILESTAT_GET) != 0) {
                assertEq(null, "fd " + fd + " filestat errno", Errno.SUCCESS, wasi.fdFilestatGet(fd, STAT));
                Inode real = realOf.get(d.node);
                if (real != null) {
                    assertEq(null, "fd " + fd + " ino", real.ino(), memory.readI64(STAT + Layout.FILESTAT_INO));
                }
                assertEq(null, "fd " + fd + " nlink", (long) model.linkCount(d.node),
                        memory.readI64(STAT + Layout.FILESTAT_NLINK));
                assertEq(null, "fd " + fd + " size", FsModel.size(d.node), memory.readI64(STAT + Layout.FILESTAT_SIZE_FIELD));
            }
        }
        for (int fd = 0; fd <= highest; fd++) {
            if (fd > 2 && !model.fds.containsKey(fd)) {
                assertEq(null, "fd " + fd + ", closed in the model, fdstat errno", Errno.BADF, wasi.fdFdstatGet(fd, STAT));
            }
        }
    }

    /** Everything in the MemFS but the preopen's own subtree, with names, inode numbers, times and bytes. */
    private byte[] outsideSnapshot() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            describe(out, fs.root(), true);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    private void describe(DataOutputStream out, Inode node, boolean recurse) throws IOException {
        out.writeLong(node.ino());
        out.writeInt(node.fileType());
        out.writeLong(node.nlink());
        out.writeLong(node.size());
        out.writeLong(node.atim());
        out.writeLong(node.mtim());
        out.writeLong(node.ctim());
        if (node instanceof FileNode file) {
            out.write(file.data().toByteArray());
        } else if (node instanceof SymlinkNode link) {
            out.write(link.target());
        } else if (node instanceof DirectoryNode dir && recurse) {
            for (int slot = 0; slot < dir.slotCount(); slot++) {
                DirectoryNode.Entry e = dir.entryAt(slot);
                if (e != null) {
                    out.write(e.name().bytes());
                    if (e.node() == sandbox) {
                        out.writeLong(sandbox.ino());
                    } else {
                        describe(out, e.node(), true);
                    }
                }
            }
        }
    }
}

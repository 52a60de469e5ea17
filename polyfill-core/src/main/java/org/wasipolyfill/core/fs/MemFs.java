package org.wasipolyfill.core.fs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wasipolyfill.core.Utf8;
import org.wasipolyfill.core.WasiClock;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.ErrnoException;
import org.wasipolyfill.core.abi.FileType;

/**
 * An in-memory filesystem: the tree a guest sees through its preopens and the host edits through
 * the same nodes, so a change on either side is visible to the other at once.
 *
 * <p>The POSIX operations (create, link, unlink, rename) live here and take {@link Resolved}
 * lookups; the syscall layer resolves inside a capability, the host API from the root.
 */
public final class MemFs {
    /** All MemFS trees report one device id; inode numbers are unique within a tree. */
    private static final long DEVICE = 1;
    /** The default byte budget: the sizes of all files together. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;

    private final WasiClock clock;
    private final long device;
    private final DirectoryNode root;
    private final long maxBytes;
    private final long maxFileSize;
    private long usedBytes;
    private int nextIno = 1;
    /** Stamped on every node that changes; a save ends the generation it collects. */
    int generation = 1;

    public MemFs(WasiClock clock) {
        this(clock, DEFAULT_MAX_BYTES, FileData.MAX_SIZE);
    }

    /**
     * A MemFS whose files may hold {@code maxBytes} together (ENOSPC past it) and {@code maxFileSize}
     * each (EFBIG past it, and never past {@link FileData#MAX_SIZE}). A size counts whole, holes
     * included, so the tree never promises memory it may not get.
     */
    public MemFs(WasiClock clock, long maxBytes, long maxFileSize) {
        this.clock = clock;
        this.device = DEVICE;
        this.maxBytes = maxBytes;
        this.maxFileSize = Math.min(maxFileSize, FileData.MAX_SIZE);
        this.root = new DirectoryNode(nextIno++, now(), null, this);
    }

    public DirectoryNode root() {
        return root;
    }

    public long device() {
        return device;
    }

    public long now() {
        return clock.realtimeNanos();
    }

    /** The sizes of the files that still have a name or an open descriptor, together. */
    public long usedBytes() {
        return usedBytes;
    }

    /** A file growing to {@code newLength}, {@code more} bytes more than now: EFBIG or ENOSPC if it may not. */
    void checkGrowth(long newLength, long more) {
        if (newLength > maxFileSize) {
            throw ErrnoException.of(Errno.FBIG);
        }
        if (more > maxBytes - usedBytes) {
            throw ErrnoException.of(Errno.NOSPC);
        }
    }

    void countBytes(long change) {
        usedBytes += change;
    }

    // ---- POSIX operations on resolved lookups ----

    public FileNode createFile(Resolved at) {
        DirectoryNode parent = creatableParent(at);
        long now = now();
        FileNode file = new FileNode(nextIno++, now, this);
        parent.link(at.name(), file, now);
        return file;
    }

    public DirectoryNode createDirectory(Resolved at) {
        DirectoryNode parent = creatableParent(at);
        long now = now();
        DirectoryNode directory = new DirectoryNode(nextIno++, now, parent, this);
        parent.link(at.name(), directory, now);
        return directory;
    }

    public SymlinkNode createSymlink(Resolved at, byte[] target) {
        if (at.trailingSlash()) {
            throw ErrnoException.of(at.exists() ? Errno.EXIST : Errno.NOENT);
        }
        DirectoryNode parent = creatableParent(at);
        long now = now();
        SymlinkNode link = new SymlinkNode(nextIno++, now, target, this);
        parent.link(at.name(), link, now);
        return link;
    }

    /**
     * A hard link to {@code existing} at {@code at}; directories cannot be linked (EPERM), but as
     * in Linux the new name is judged first: a name that exists, "." or ".." is EEXIST.
     */
    public void link(Inode existing, Resolved at) {
        if (at.trailingSlash()) {
            throw ErrnoException.of(at.exists() ? Errno.EXIST : Errno.NOENT);
        }
        DirectoryNode parent = creatableParent(at);
        if (existing instanceof DirectoryNode) {
            throw ErrnoException.of(Errno.PERM);
        }
        parent.link(at.name(), existing, now());
    }

    public void unlinkFile(Resolved at) {
        if (at.name() == null || at.node() instanceof DirectoryNode) {
            throw ErrnoException.of(Errno.ISDIR);
        }
        if (!at.exists()) {
            throw ErrnoException.of(Errno.NOENT);
        }
        if (at.trailingSlash()) {
            throw ErrnoException.of(Errno.NOTDIR);
        }
        released(at.parent().unlink(at.name(), now()));
    }

    public void removeDirectory(Resolved at) {
        if (!at.exists()) {
            throw ErrnoException.of(Errno.NOENT);
        }
        if (!(at.node() instanceof DirectoryNode directory)) {
            throw ErrnoException.of(Errno.NOTDIR);
        }
        if (at.name() == null || at.trailingSlash()) {
            // rmdir(".") is EINVAL on Linux; Wasmtime also refuses "dir/" with EINVAL.
            throw ErrnoException.of(Errno.INVAL);
        }
        if (!directory.isEmpty()) {
            throw ErrnoException.of(Errno.NOTEMPTY);
        }
        at.parent().unlink(at.name(), now());
    }

    /**
     * POSIX rename(2): replaces a file or an empty directory of the same kind. Both lookups are of
     * the names themselves ({@link PathResolver#resolveEntry}): a symlink is moved or replaced, never
     * followed, and a trailing slash on either name requires the one moved to be a directory.
     */
    public void rename(Resolved from, Resolved to) {
        if (!from.exists()) {
            throw ErrnoException.of(Errno.NOENT);
        }
        if (from.name() == null || to.name() == null) {
            throw ErrnoException.of(Errno.BUSY);
        }
        Inode moving = from.node();
        boolean movingDirectory = moving instanceof DirectoryNode;
        if ((from.trailingSlash() || to.trailingSlash()) && !movingDirectory) {
            throw ErrnoException.of(Errno.NOTDIR);
        }
        if (to.node() == moving) {
            return;
        }
        if (movingDirectory && isSelfOrAncestor((DirectoryNode) moving, to.parent())) {
            throw ErrnoException.of(Errno.INVAL);
        }
        if (!to.parent().isLinked()) {
            throw ErrnoException.of(Errno.NOENT);
        }
        Inode replaced = to.node();
        long now = now();
        if (replaced != null) {
            if (replaced instanceof DirectoryNode target) {
                if (!movingDirectory) {
                    throw ErrnoException.of(Errno.ISDIR);
                }
                if (!target.isEmpty()) {
                    throw ErrnoException.of(Errno.NOTEMPTY);
                }
            } else if (movingDirectory) {
                throw ErrnoException.of(Errno.NOTDIR);
            }
            released(to.parent().unlink(to.name(), now));
        }
        from.parent().unlink(from.name(), now);
        to.parent().link(to.name(), moving, now);
    }

    /** A file that lost a name gives its bytes back once nothing reaches it. */
    private static void released(Inode node) {
        if (node instanceof FileNode file) {
            file.releaseIfGone();
        }
    }

    private static boolean isSelfOrAncestor(DirectoryNode candidate, DirectoryNode directory) {
        DirectoryNode at = directory;
        while (true) {
            if (at == candidate) {
                return true;
            }
            if (at.parent() == at) {
                return false;
            }
            at = at.parent();
        }
    }

    private static DirectoryNode creatableParent(Resolved at) {
        if (at.exists() || at.name() == null) {
            throw ErrnoException.of(Errno.EXIST);
        }
        if (!at.parent().isLinked()) {
            throw ErrnoException.of(Errno.NOENT);
        }
        return at.parent();
    }

    // ---- Persistence: what changed since a store's last save, and restoring a snapshot ----

    /**
     * What changed after generation {@code since} (a store's baseline; -1 for none), and the end of
     * the current generation, which is the store's next baseline: what changes from now on belongs
     * to the next save. With no baseline the set is full: every reachable inode, to replace what
     * the store holds.
     */
    public ChangeSet changesSince(int since) {
        if (since >= generation) {
            since = -1;
        }
        int collecting = generation++;
        List<Inode> changed = new ArrayList<>();
        int[] live = new int[16];
        int liveCount = 0;
        DirectoryNode[] pending = { root };
        int pendingCount = 1;
        while (pendingCount > 0) {
            DirectoryNode directory = pending[--pendingCount];
            for (int slot = -1, end = directory.slotCount(); slot < end; slot++) {
                Inode node = slot < 0 ? directory : directory.entryAt(slot) == null ? null : directory.entryAt(slot).node();
                if (node != directory && node instanceof DirectoryNode child) {
                    if (pendingCount == pending.length) {
                        pending = Arrays.copyOf(pending, pendingCount * 2);
                    }
                    pending[pendingCount++] = child;
                    continue;
                }
                // A file with two names is met twice.
                if (node == null || node.collectedIn == collecting) {
                    continue;
                }
                node.collectedIn = collecting;
                if (liveCount == live.length) {
                    live = Arrays.copyOf(live, liveCount * 2);
                }
                live[liveCount++] = node.inoU32();
                if (node.changedSince(since)) {
                    changed.add(node);
                }
            }
        }
        return new ChangeSet(collecting, since, root.inoU32(), changed, Arrays.copyOf(live, liveCount));
    }

    /**
     * Replaces the whole tree with a snapshot's {@code images}, {@code images[rootIndex]} being the
     * root's, and returns the generation it is: the baseline of the next save to the store it came
     * from (a save to any other store is then a full one). The caller has checked that the images
     * form a tree (each directory named once, every inode reachable, names valid and unique), as
     * {@code MemFS.load} does; this checks the limits, ENOSPC or EFBIG before anything changes.
     * The root keeps its identity, so a preopen of "/" sees the new tree; the nodes under it are new.
     */
    public int restore(InodeImage[] images, int rootIndex) {
        Inode[] nodes = new Inode[images.length];
        long total = 0;
        int maxIno = 0;
        for (int i = 0; i < images.length; i++) {
            InodeImage image = images[i];
            if (Integer.compareUnsigned(image.ino, maxIno) > 0) {
                maxIno = image.ino;
            }
            if (i == rootIndex) {
                nodes[i] = root;
            } else if (image.fileType == FileType.REGULAR_FILE) {
                FileNode file = new FileNode(image.ino, 0, this);
                for (byte[] chunk : image.chunks) {
                    if (file.size() + chunk.length > maxFileSize) {
                        throw ErrnoException.of(Errno.FBIG);
                    }
                    file.data().appendRestored(chunk);
                }
                total += file.size();
                nodes[i] = file;
            } else if (image.fileType == FileType.DIRECTORY) {
                nodes[i] = new DirectoryNode(image.ino, 0, root, this);
            } else {
                nodes[i] = new SymlinkNode(image.ino, 0, image.target, this);
            }
        }
        if (total > maxBytes) {
            throw ErrnoException.of(Errno.NOSPC);
        }
        clear(root);
        for (int i = 0; i < images.length; i++) {
            InodeImage image = images[i];
            for (int e = 0; image.children != null && e < image.children.length; e++) {
                ((DirectoryNode) nodes[i]).link(new FileName(image.names[e]), nodes[image.children[e]], 0);
            }
        }
        for (int i = 0; i < images.length; i++) {
            nodes[i].restored(images[i].atim, images[i].mtim, images[i].ctim, images[i].mode, generation);
        }
        countBytes(total);
        if (Integer.compareUnsigned(maxIno, nextIno) >= 0) {
            nextIno = maxIno + 1;
        }
        return generation++;
    }

    /** Unlinks everything under {@code directory}, giving back the bytes of files nothing else holds. */
    private void clear(DirectoryNode directory) {
        DirectoryNode.Entry[] entries = new DirectoryNode.Entry[directory.entryCount()];
        int count = 0;
        for (int slot = 0, end = directory.slotCount(); slot < end; slot++) {
            if (directory.entryAt(slot) != null) {
                entries[count++] = directory.entryAt(slot);
            }
        }
        long now = now();
        for (int i = 0; i < count; i++) {
            if (entries[i].node() instanceof DirectoryNode child) {
                clear(child);
            }
            released(directory.unlink(entries[i].name(), now));
        }
    }

    // ---- Host API: absolute paths from the root, no sandbox ----

    /** Finds the directory a host path names, or fails with ENOENT / ENOTDIR. */
    public DirectoryNode directory(String path) {
        return directory(hostPath(path));
    }

    /** As {@link #directory(String)} for the path's UTF-8 bytes, which the JS host has already. */
    public DirectoryNode directory(byte[] path) {
        return hostLookup(path, true).requireDirectory();
    }

    public void mkdir(String path, boolean recursive) {
        mkdir(hostPath(path), recursive);
    }

    /**
     * As {@link #mkdir(String, boolean)} for the path's UTF-8 bytes; returns the directory, made
     * or (with {@code recursive}) found.
     */
    public DirectoryNode mkdir(byte[] path, boolean recursive) {
        if (!recursive) {
            return createDirectory(hostEntry(path, path.length));
        }
        return mkdirs(path, path.length);
    }

    /** mkdir -p of {@code path[0, end)}, an absolute path. */
    private DirectoryNode mkdirs(byte[] path, int end) {
        Resolved at;
        try {
            at = hostLookup(path, end, true);
        } catch (ErrnoException e) {
            if (e.errno() != Errno.NOENT) {
                throw e;
            }
            // An ancestor is missing: make the parent (and so on up), then this one.
            mkdirs(path, parentEnd(path, end));
            at = hostLookup(path, end, true);
        }
        if (at.node() == null) {
            return createDirectory(at);
        }
        if (!(at.node() instanceof DirectoryNode directory)) {
            throw ErrnoException.of(Errno.EXIST);
        }
        return directory;
    }

    public void writeFile(String path, byte[] data) {
        FileNode file = hostFileForWriting(path);
        file.data().setLength(0);
        file.data().write(0, data, 0, data.length);
        file.touchModified(now());
    }

    /**
     * Creates or truncates {@code path} as a lazy file of {@code size} bytes whose parts are asked
     * of {@code loader} when first read (see {@link FileData#makeLazy}).
     */
    public void createLazyFile(String path, long size, ContentLoader loader) {
        FileNode file = hostFileForWriting(path);
        file.data().setLength(0);
        file.data().makeLazy(size, loader);
        file.touchModified(now());
    }

    public void appendFile(String path, byte[] data) {
        FileNode file = hostFileForWriting(path);
        file.data().write(file.data().length(), data, 0, data.length);
        file.touchModified(now());
    }

    public byte[] readFile(String path) {
        Inode node = hostLookup(path, true).requireExists();
        if (!(node instanceof FileNode file)) {
            throw ErrnoException.of(node instanceof DirectoryNode ? Errno.ISDIR : Errno.INVAL);
        }
        return file.data().toByteArray();
    }

    /** The names in a directory, in creation order, without "." and "..". */
    public List<String> readdir(String path) {
        List<String> names = new ArrayList<>();
        DirectoryNode directory = directory(path);
        for (int slot = 0, end = directory.slotCount(); slot < end; slot++) {
            DirectoryNode.Entry entry = directory.entryAt(slot);
            if (entry != null) {
                names.add(entry.name().toString());
            }
        }
        return names;
    }

    public Stat stat(String path) {
        return Stat.of(hostLookup(path, true).requireExists());
    }

    public Stat lstat(String path) {
        return Stat.of(hostLookup(path, false).requireExists());
    }

    public void symlink(String target, String path) {
        createSymlink(hostEntry(path), bytes(target));
    }

    public String readlink(String path) {
        Inode node = hostLookup(path, false).requireExists();
        if (!(node instanceof SymlinkNode link)) {
            throw ErrnoException.of(Errno.INVAL);
        }
        return Utf8.decode(link.target());
    }

    /** A hard link {@code path} to what {@code existing} names; a symlink is linked itself, as link(2) does. */
    public void link(String existing, String path) {
        link(hostLookup(existing, false).requireExists(), hostEntry(path));
    }

    /**
     * Sets the access and modification times (nanoseconds since the epoch) of what {@code path}
     * names, following a last symlink unless {@code followLast} is false; stamps ctime.
     */
    public void setTimes(String path, boolean followLast, long atimNanos, long mtimNanos) {
        Inode node = hostLookup(path, followLast).requireExists();
        node.setAtim(atimNanos);
        node.setMtim(mtimNanos);
        node.touchCtim(now());
    }

    /** Sets the permission bits (those in {@code 07777}) of what {@code path} names, following symlinks. */
    public void chmod(String path, int mode) {
        Inode node = hostLookup(path, true).requireExists();
        node.setMode(mode);
        node.touchCtim(now());
    }

    public void unlink(String path) {
        unlinkFile(hostEntry(path));
    }

    public void rmdir(String path) {
        removeDirectory(hostEntry(path));
    }

    public void rename(String from, String to) {
        rename(hostEntry(from), hostEntry(to));
    }

    public boolean exists(String path) {
        try {
            return hostLookup(path, true).exists();
        } catch (ErrnoException e) {
            return false;
        }
    }

    private FileNode hostFileForWriting(String path) {
        Resolved at = hostLookup(path, true);
        if (at.node() == null) {
            return createFile(at);
        }
        if (!(at.node() instanceof FileNode file)) {
            throw ErrnoException.of(Errno.ISDIR);
        }
        return file;
    }

    private Resolved hostLookup(String path, boolean followLast) {
        return hostLookup(hostPath(path), followLast);
    }

    private Resolved hostLookup(byte[] path, boolean followLast) {
        return hostLookup(path, path.length, followLast);
    }

    /** Looks the absolute path {@code path[0, end)} up from the root; a relative path is EINVAL. */
    private Resolved hostLookup(byte[] path, int end, boolean followLast) {
        int start = afterRoot(path, end);
        return start == end ? new Resolved(root, null, root, false)
                : PathResolver.resolve(root, path, start, end, followLast);
    }

    /** As {@link #hostLookup(byte[], int, boolean)} for a call on the name itself ({@link PathResolver#resolveEntry}). */
    private Resolved hostEntry(String path) {
        byte[] bytes = hostPath(path);
        return hostEntry(bytes, bytes.length);
    }

    private Resolved hostEntry(byte[] path, int end) {
        int start = afterRoot(path, end);
        return start == end ? new Resolved(root, null, root, false) : PathResolver.resolveEntry(root, path, start, end);
    }

    /** Where an absolute path's components start, past its leading slashes; a relative path is EINVAL. */
    private static int afterRoot(byte[] path, int end) {
        if (end == 0 || path[0] != '/') {
            throw ErrnoException.of(Errno.INVAL);
        }
        int start = 1;
        while (start < end && path[start] == '/') {
            start++;
        }
        return start;
    }

    /** The UTF-8 bytes of a host path; null (no path) is EINVAL, as a relative one is. */
    private static byte[] hostPath(String path) {
        if (path == null) {
            throw ErrnoException.of(Errno.INVAL);
        }
        return bytes(path);
    }

    /** Where the parent of the absolute path {@code path[0, end)} ends ("/a/b/" -> "/a", "/a" -> "/"). */
    private static int parentEnd(byte[] path, int end) {
        int at = end;
        while (at > 1 && path[at - 1] == '/') {
            at--;
        }
        while (at > 0 && path[at - 1] != '/') {
            at--;
        }
        while (at > 1 && path[at - 1] == '/') {
            at--;
        }
        return Math.max(at, 1);
    }

    private static byte[] bytes(String s) {
        return Utf8.encode(s);
    }
}

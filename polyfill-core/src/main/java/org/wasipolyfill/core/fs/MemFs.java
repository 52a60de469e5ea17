package org.wasipolyfill.core.fs;

import java.util.ArrayList;
import java.util.List;
import org.wasipolyfill.core.Utf8;
import org.wasipolyfill.core.WasiClock;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.ErrnoException;

/**
 * An in-memory filesystem: the tree a guest sees through its preopens and the host edits through
 * the same nodes, so a change on either side is visible to the other at once.
 *
 * <p>This class is the host's view: absolute paths from the root, as strings or UTF-8 bytes, with
 * no sandbox. It owns the parts that do the work, as jimfs splits the same ground: the POSIX
 * operations on resolved lookups ({@link TreeOperations}), the persistence images
 * ({@link TreeImages}), the byte budget ({@link ByteBudget}) and inode numbering ({@link InodeFactory}).
 */
public final class MemFs {
    /** All MemFS trees report one device id; inode numbers are unique within a tree. */
    private static final long DEVICE = 1;
    /** The default byte budget: the sizes of all files together. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;

    private final WasiClock clock;
    private final long device;
    private final ByteBudget budget;
    private final InodeFactory nodes = new InodeFactory(this);
    private final TreeOperations operations = new TreeOperations(this, nodes);
    private final TreeImages images;
    private final DirectoryNode root;
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
        this.budget = new ByteBudget(maxBytes, maxFileSize);
        this.images = new TreeImages(this, budget, nodes);
        this.root = nodes.newDirectory(null, now());
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
        return budget.usedBytes();
    }

    ByteBudget budget() {
        return budget;
    }

    /** The POSIX operations on resolved lookups, which the syscall layer and the host API share. */
    public TreeOperations operations() {
        return operations;
    }

    // ---- Persistence (TreeImages) ----

    /**
     * What changed after generation {@code since} (a store's baseline; -1 for none), and the end of
     * the current generation, which is the store's next baseline; see {@link TreeImages}.
     */
    public ChangeSet changesSince(int since) {
        return images.changesSince(since);
    }

    /**
     * Replaces the whole tree with a snapshot's {@code images}, {@code images[rootIndex]} being the
     * root's, and returns the generation it is; see {@link TreeImages#restore}.
     */
    public int restore(InodeImage[] images, int rootIndex) {
        return this.images.restore(images, rootIndex);
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
            return operations.createDirectory(hostEntry(path, path.length));
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
            return operations.createDirectory(at);
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
        operations.createSymlink(hostEntry(path), bytes(target));
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
        operations.link(hostLookup(existing, false).requireExists(), hostEntry(path));
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
        operations.unlinkFile(hostEntry(path));
    }

    public void rmdir(String path) {
        operations.removeDirectory(hostEntry(path));
    }

    public void rename(String from, String to) {
        operations.rename(hostEntry(from), hostEntry(to));
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
            return operations.createFile(at);
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

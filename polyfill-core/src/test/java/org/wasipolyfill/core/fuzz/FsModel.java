package org.wasipolyfill.core.fuzz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.FdFlags;
import org.wasipolyfill.core.abi.FileType;
import org.wasipolyfill.core.abi.OFlags;
import org.wasipolyfill.core.abi.Rights;
import org.wasipolyfill.core.abi.Whence;
import org.wasipolyfill.core.fs.FileData;

/**
 * What a preopened directory should look like after a sequence of syscalls, written from POSIX
 * (Linux) and Wasmtime semantics, independently of the core: a map from paths inside the preopen
 * ("" is the preopen itself, "a/b" a name in it) to nodes, in the order the names were made (which
 * is fd_readdir's order), plus the open descriptors. Files and symlinks are objects shared by their
 * hard links; a directory has exactly one name. Each operation returns the errno the call should
 * answer and, on success, changes the model as the call should change the filesystem.
 */
final class FsModel {
    static final int PATH_MAX = 4096;
    static final int MAX_SYMLINK_EXPANSIONS = 40;

    sealed interface Node permits Dir, File, Link {}

    static final class Dir implements Node {}

    static final class File implements Node {
        byte[] content = new byte[0];
    }

    record Link(byte[] target) implements Node {}

    static final class Fd {
        final Node node;
        int rightsBase;
        int rightsInheriting;
        int fdFlags;
        long position;

        Fd(Node node, int rightsBase, int rightsInheriting, int fdFlags) {
            this.node = node;
            this.rightsBase = rightsBase;
            this.rightsInheriting = rightsInheriting;
            this.fdFlags = fdFlags;
        }

        boolean isDir() {
            return node instanceof Dir;
        }
    }

    /** A failed call: the errno it must answer. */
    static final class Failure extends RuntimeException {
        final int errno;

        Failure(int errno) {
            super(Errno.name(errno), null, false, false);
            this.errno = errno;
        }
    }

    /** A lookup: the directory the last component is in, its name (null for "." and ".."), what it names. */
    record Lookup(Dir parent, String name, Node node, boolean trailingSlash) {}

    /** The names, in the order they were made; counts its changes so the indexes below know when to rebuild. */
    static final class Tree extends LinkedHashMap<String, Node> {
        int changes;

        @Override
        public Node put(String key, Node value) {
            changes++;
            return super.put(key, value);
        }

        @Override
        public Node remove(Object key) {
            changes++;
            return super.remove(key);
        }
    }

    final Tree tree = new Tree();
    /** Derived from the tree: each directory's path, each path's children in order, each node's name count. */
    private int indexedAt = -1;
    private final Map<Dir, String> dirPaths = new java.util.IdentityHashMap<>();
    private final Map<String, List<String>> children = new java.util.HashMap<>();
    private final Map<Node, Integer> names = new java.util.IdentityHashMap<>();

    private void index() {
        if (indexedAt == tree.changes) {
            return;
        }
        dirPaths.clear();
        children.clear();
        names.clear();
        for (Map.Entry<String, Node> e : tree.entrySet()) {
            String path = e.getKey();
            Node node = e.getValue();
            if (node instanceof Dir dir) {
                dirPaths.put(dir, path);
            }
            names.merge(node, 1, Integer::sum);
            if (!path.isEmpty()) {
                children.computeIfAbsent(parentOf(path), k -> new ArrayList<>()).add(path.substring(path.lastIndexOf('/') + 1));
            }
        }
        indexedAt = tree.changes;
    }
    final Map<Integer, Fd> fds = new LinkedHashMap<>();
    final Dir root = new Dir();
    final int preopenFd;

    FsModel(int preopenFd) {
        this.preopenFd = preopenFd;
        tree.put("", root);
        fds.put(preopenFd, new Fd(root, Rights.DIRECTORY_BASE, Rights.DIRECTORY_INHERITING, 0));
    }

    static Failure fail(int errno) {
        return new Failure(errno);
    }

    // ---- descriptors ----

    Fd fd(int fd) {
        Fd d = fds.get(fd);
        if (d == null) {
            throw fail(Errno.BADF);
        }
        return d;
    }

    /** The project's rights rule: a right the kind never has, or an access-mode right, is EBADF; others ENOTCAPABLE. */
    static void require(Fd d, int rights) {
        int missing = rights & ~d.rightsBase;
        if (missing != 0) {
            int kind = d.isDir() ? Rights.DIRECTORY_BASE : Rights.REGULAR_FILE_BASE;
            boolean wrongKind = (missing & ~kind) != 0;
            throw fail(wrongKind || (missing & Rights.ACCESS_MODE) != 0 ? Errno.BADF : Errno.NOTCAPABLE);
        }
    }

    Fd fd(int fd, int rights) {
        Fd d = fd(fd);
        require(d, rights);
        return d;
    }

    Fd directoryFd(int fd, int rights) {
        Fd d = fd(fd);
        if (!d.isDir()) {
            throw fail(Errno.BADF);
        }
        require(d, rights);
        return d;
    }

    File file(Fd d) {
        if (d.node instanceof File f) {
            return f;
        }
        throw fail(Errno.ISDIR);
    }

    int lowestFreeFd() {
        int fd = 0;
        while (fd < 3 || fds.containsKey(fd)) {
            fd++;
        }
        return fd;
    }

    // ---- paths ----

    /** The path of a directory, or null once it has been removed. */
    String pathOf(Dir dir) {
        index();
        return dirPaths.get(dir);
    }

    static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    List<String> childrenOf(String dir) {
        index();
        return List.copyOf(children.getOrDefault(dir, List.of()));
    }

    static void checkPathLength(byte[] path) {
        if (path.length > PATH_MAX) {
            throw fail(Errno.NAMETOOLONG);
        }
    }

    /** WASI paths are strings: NUL is EINVAL (it cannot reach the kernel), invalid UTF-8 EILSEQ. */
    static void checkString(byte[] path) {
        for (byte b : path) {
            if (b == 0) {
                throw fail(Errno.INVAL);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(path));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw fail(Errno.ILSEQ);
        }
    }

    /**
     * Resolves {@code path} in {@code start} one component at a time: ".." may not leave the
     * starting directory, an absolute path or symlink target is an escape, intermediate symlinks
     * are always followed and the last one when asked or when the path ends in a slash.
     */
    Lookup resolve(Dir start, byte[] pathBytes, boolean followLast) {
        return resolve(start, pathBytes, followLast, false);
    }

    /**
     * The lookup of a call on a name itself (mkdir, symlink, link's new name, unlink, rmdir,
     * rename), as Linux makes it: the last component is never followed, even before a trailing
     * slash, which the call then judges.
     */
    Lookup resolveEntry(Dir start, byte[] pathBytes) {
        return resolve(start, pathBytes, false, true);
    }

    private Lookup resolve(Dir start, byte[] pathBytes, boolean followLast, boolean nameItself) {
        String path = new String(pathBytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (path.isEmpty()) {
            throw fail(Errno.NOENT);
        }
        checkString(pathBytes);
        if (path.charAt(0) == '/') {
            throw fail(Errno.NOTCAPABLE);
        }
        boolean trailingSlash = path.endsWith("/");
        Deque<String> work = new ArrayDeque<>(components(path));
        Deque<Dir> walked = new ArrayDeque<>();
        Dir current = start;
        int expansions = 0;
        while (true) {
            String component = work.pollFirst();
            boolean last = work.isEmpty();
            if (component.equals(".") || component.equals("..")) {
                if (component.equals("..")) {
                    if (walked.isEmpty()) {
                        throw fail(Errno.NOTCAPABLE);
                    }
                    current = walked.pop();
                }
                if (last) {
                    return new Lookup(current, null, current, trailingSlash);
                }
                continue;
            }
            String dirPath = pathOf(current);
            Node child = dirPath == null ? null : tree.get(join(dirPath, component));
            if (child instanceof Link link && (!last || !nameItself && (followLast || trailingSlash))) {
                if (++expansions > MAX_SYMLINK_EXPANSIONS) {
                    throw fail(Errno.LOOP);
                }
                String target = new String(link.target(), java.nio.charset.StandardCharsets.ISO_8859_1);
                if (target.isEmpty()) {
                    throw fail(Errno.NOENT);
                }
                if (target.charAt(0) == '/') {
                    throw fail(Errno.NOTCAPABLE);
                }
                if (last && target.endsWith("/")) {
                    trailingSlash = true;
                }
                List<String> parts = components(target);
                for (int i = parts.size() - 1; i >= 0; i--) {
                    work.addFirst(parts.get(i));
                }
                continue;
            }
            if (last) {
                if (trailingSlash && !nameItself && child != null && !(child instanceof Dir)) {
                    throw fail(Errno.NOTDIR);
                }
                return new Lookup(current, component, child, trailingSlash);
            }
            if (child == null) {
                throw fail(Errno.NOENT);
            }
            if (!(child instanceof Dir dir)) {
                throw fail(Errno.NOTDIR);
            }
            walked.push(current);
            current = dir;
        }
    }

    private static List<String> components(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            // Only slashes after a relative start: cannot happen for a path not starting with '/'.
            parts.add(".");
        }
        return parts;
    }

    /** The path a lookup's last component names, for a lookup whose parent is still linked. */
    String pathOf(Lookup at) {
        String parent = pathOf(at.parent());
        return at.name() == null ? parent : join(parent, at.name());
    }

    /** The parent of a name about to be made: it must not exist yet, and its directory must still be linked. */
    String creatable(Lookup at) {
        if (at.node() != null || at.name() == null) {
            throw fail(Errno.EXIST);
        }
        String parent = pathOf(at.parent());
        if (parent == null) {
            throw fail(Errno.NOENT);
        }
        return join(parent, at.name());
    }

    int linkCount(Node node) {
        if (node instanceof Dir dir) {
            String path = pathOf(dir);
            if (path == null) {
                return 0;
            }
            int subdirectories = 0;
            for (String child : childrenOf(path)) {
                if (tree.get(join(path, child)) instanceof Dir) {
                    subdirectories++;
                }
            }
            return 2 + subdirectories;
        }
        index();
        return names.getOrDefault(node, 0);
    }

    static long size(Node node) {
        if (node instanceof File f) {
            return f.content.length;
        }
        if (node instanceof Link l) {
            return l.target().length;
        }
        return 4096;
    }

    static int fileType(Node node) {
        if (node instanceof File) {
            return FileType.REGULAR_FILE;
        }
        return node instanceof Dir ? FileType.DIRECTORY : FileType.SYMBOLIC_LINK;
    }

    // ---- the calls ----

    /** path_open; returns the new fd. */
    int pathOpen(int fd, boolean follow, byte[] path, int oflags, long requestedBase, long requestedInheriting,
            int fdflags) {
        Fd d = fd(fd);
        if (!d.isDir()) {
            throw fail(Errno.NOTDIR);
        }
        int needed = Rights.PATH_OPEN;
        if ((oflags & OFlags.CREAT) != 0) {
            needed |= Rights.PATH_CREATE_FILE;
        }
        if ((oflags & OFlags.TRUNC) != 0) {
            needed |= Rights.PATH_FILESTAT_SET_SIZE;
        }
        require(d, needed);
        checkPathLength(path);
        boolean create = (oflags & OFlags.CREAT) != 0;
        boolean exclusive = (oflags & OFlags.EXCL) != 0;
        boolean directoryOnly = (oflags & OFlags.DIRECTORY) != 0;
        boolean truncate = (oflags & OFlags.TRUNC) != 0;
        if (create && directoryOnly) {
            throw fail(Errno.INVAL);
        }
        if ((fdflags & (FdFlags.DSYNC | FdFlags.RSYNC | FdFlags.SYNC)) != 0) {
            throw fail(Errno.NOTSUP);
        }
        if (create && path.length > 0 && path[path.length - 1] == '/') {
            // As Linux: O_CREAT names a file, so a trailing slash is EISDIR once its directory is
            // found; "./" names no file to create, and is then EEXIST with O_EXCL (below).
            if (resolveEntry((Dir) d.node, path).name() != null) {
                throw fail(Errno.ISDIR);
            }
        }
        Lookup at = resolve((Dir) d.node, path, follow && !(create && exclusive));
        Node node = at.node();
        if (node == null) {
            if (!create) {
                throw fail(Errno.NOENT);
            }
            if (at.trailingSlash()) {
                throw fail(Errno.ISDIR);
            }
            String where = creatable(at);
            node = new File();
            tree.put(where, node);
        } else if (create && exclusive) {
            throw fail(Errno.EXIST);
        }
        int inheritable = d.rightsInheriting;
        Fd opened;
        if (node instanceof Dir) {
            if (truncate || create || ((int) requestedBase & Rights.FD_WRITE) != 0) {
                throw fail(Errno.ISDIR);
            }
            opened = new Fd(node, (int) requestedBase & inheritable & Rights.DIRECTORY_BASE,
                    (int) requestedInheriting & inheritable & Rights.DIRECTORY_INHERITING, fdflags);
        } else if (node instanceof Link) {
            throw fail(directoryOnly ? Errno.NOTDIR : Errno.LOOP);
        } else {
            if (directoryOnly) {
                throw fail(Errno.NOTDIR);
            }
            File file = (File) node;
            if (truncate) {
                file.content = new byte[0];
            }
            opened = new Fd(node, (int) requestedBase & inheritable & Rights.REGULAR_FILE_BASE, 0, fdflags);
        }
        int newFd = lowestFreeFd();
        fds.put(newFd, opened);
        return newFd;
    }

    int fdClose(int fd) {
        fd(fd);
        fds.remove(fd);
        return Errno.SUCCESS;
    }

    int fdRenumber(int from, int to) {
        Fd moving = fd(from);
        fd(to);
        if (from != to) {
            fds.put(to, moving);
            fds.remove(from);
        }
        return Errno.SUCCESS;
    }

    int fdFdstatSetRights(int fd, long base, long inheriting) {
        Fd d = fd(fd);
        if ((base & ~(long) d.rightsBase) != 0 || (inheriting & ~(long) d.rightsInheriting) != 0) {
            throw fail(Errno.NOTCAPABLE);
        }
        d.rightsBase = (int) base;
        d.rightsInheriting = (int) inheriting;
        return Errno.SUCCESS;
    }

    /** fd_write / fd_pwrite of {@code data}; {@code offset} is null for fd_write. Returns bytes written. */
    int write(int fd, byte[] data, Long offset) {
        Fd d = offset == null ? fd(fd, Rights.FD_WRITE) : fd(fd, Rights.FD_WRITE | Rights.FD_SEEK);
        File file = fileOrBadf(d);
        if (offset != null && offset < 0) {
            throw fail(Errno.INVAL);
        }
        boolean append = (d.fdFlags & FdFlags.APPEND) != 0;
        long at = append ? file.content.length : offset == null ? d.position : offset;
        if (at > Long.MAX_VALUE - data.length) {
            // As Linux: an access that would end past 2^63 - 1 is EINVAL.
            throw fail(Errno.INVAL);
        }
        if (data.length > 0 && at + data.length > FileData.MAX_SIZE) {
            throw fail(Errno.FBIG);
        }
        if (data.length > 0) {
            int end = (int) at + data.length;
            if (end > file.content.length) {
                file.content = Arrays.copyOf(file.content, end);
            }
            System.arraycopy(data, 0, file.content, (int) at, data.length);
        }
        if (offset == null) {
            d.position = at + data.length;
        }
        return data.length;
    }

    /** fd_read / fd_pread of up to {@code length} bytes; {@code offset} is null for fd_read. */
    byte[] read(int fd, int length, Long offset) {
        Fd d = offset == null ? fd(fd, Rights.FD_READ) : fd(fd, Rights.FD_READ | Rights.FD_SEEK);
        File file = fileOrBadf(d);
        if (offset != null && offset < 0) {
            throw fail(Errno.INVAL);
        }
        long at = offset == null ? d.position : offset;
        if (at > Long.MAX_VALUE - length) {
            throw fail(Errno.INVAL);
        }
        int n = at >= file.content.length ? 0 : (int) Math.min(length, file.content.length - at);
        byte[] bytes = Arrays.copyOfRange(file.content, (int) Math.min(at, file.content.length),
                (int) Math.min(at, file.content.length) + n);
        if (offset == null) {
            d.position += n;
        }
        return bytes;
    }

    /** Files and directories only here: a read or write of a directory is EBADF (its rights never allow it). */
    private static File fileOrBadf(Fd d) {
        if (d.node instanceof File f) {
            return f;
        }
        throw fail(Errno.BADF);
    }

    long fdSeek(int fd, long offset, int whence) {
        Fd d = fd(fd, whence == Whence.CUR && offset == 0 ? Rights.FD_TELL : Rights.FD_SEEK);
        File file = fileOrBadf(d);
        long base;
        switch (whence) {
            case Whence.SET -> base = 0;
            case Whence.CUR -> base = d.position;
            case Whence.END -> base = file.content.length;
            default -> throw fail(Errno.INVAL);
        }
        long target;
        try {
            target = Math.addExact(base, offset);
        } catch (ArithmeticException e) {
            throw fail(Errno.INVAL);
        }
        if (target < 0) {
            throw fail(Errno.INVAL);
        }
        d.position = target;
        return target;
    }

    long fdTell(int fd) {
        Fd d = fd(fd, Rights.FD_TELL);
        fileOrBadf(d);
        return d.position;
    }

    int fdFilestatSetSize(int fd, long size) {
        File file = file(fd(fd, Rights.FD_FILESTAT_SET_SIZE));
        if (size < 0) {
            throw fail(Errno.INVAL);
        }
        if (size > FileData.MAX_SIZE) {
            throw fail(Errno.FBIG);
        }
        file.content = Arrays.copyOf(file.content, (int) size);
        return Errno.SUCCESS;
    }

    int fdAllocate(int fd, long offset, long len) {
        File file = file(fd(fd, Rights.FD_ALLOCATE));
        if (offset < 0 || len <= 0) {
            throw fail(Errno.INVAL);
        }
        long end = offset + len;
        if (end < 0 || end > FileData.MAX_SIZE) {
            throw fail(Errno.FBIG);
        }
        if (end > file.content.length) {
            file.content = Arrays.copyOf(file.content, (int) end);
        }
        return Errno.SUCCESS;
    }

    int pathCreateDirectory(int fd, byte[] path) {
        Fd d = directoryFd(fd, Rights.PATH_CREATE_DIRECTORY);
        checkPathLength(path);
        // As Linux's mkdirat: a trailing slash does not make the last name followed, so "file/" and
        // "link/" are EEXIST.
        Lookup at = resolveEntry((Dir) d.node, path);
        tree.put(creatable(at), new Dir());
        return Errno.SUCCESS;
    }

    int pathRemoveDirectory(int fd, byte[] path) {
        Fd d = directoryFd(fd, Rights.PATH_REMOVE_DIRECTORY);
        checkPathLength(path);
        Lookup at = resolveEntry((Dir) d.node, path);
        if (at.node() == null) {
            throw fail(Errno.NOENT);
        }
        if (!(at.node() instanceof Dir dir)) {
            throw fail(Errno.NOTDIR);
        }
        if (at.name() == null || at.trailingSlash()) {
            throw fail(Errno.INVAL);
        }
        String where = pathOf(dir);
        if (!childrenOf(where).isEmpty()) {
            throw fail(Errno.NOTEMPTY);
        }
        tree.remove(where);
        return Errno.SUCCESS;
    }

    int pathUnlinkFile(int fd, byte[] path) {
        Fd d = directoryFd(fd, Rights.PATH_UNLINK_FILE);
        checkPathLength(path);
        Lookup at = resolveEntry((Dir) d.node, path);
        if (at.name() == null || at.node() instanceof Dir) {
            throw fail(Errno.ISDIR);
        }
        if (at.node() == null) {
            throw fail(Errno.NOENT);
        }
        if (at.trailingSlash()) {
            throw fail(Errno.NOTDIR);
        }
        tree.remove(pathOf(at));
        return Errno.SUCCESS;
    }

    int pathRename(int fd, byte[] oldPath, int newFd, byte[] newPath) {
        Fd from = directoryFd(fd, Rights.PATH_RENAME_SOURCE);
        Fd to = directoryFd(newFd, Rights.PATH_RENAME_TARGET);
        checkPathLength(oldPath);
        Lookup source = resolveEntry((Dir) from.node, oldPath);
        checkPathLength(newPath);
        Lookup target = resolveEntry((Dir) to.node, newPath);
        if (source.node() == null) {
            throw fail(Errno.NOENT);
        }
        if (source.name() == null || target.name() == null) {
            throw fail(Errno.BUSY);
        }
        Node moving = source.node();
        boolean movingDirectory = moving instanceof Dir;
        // As Linux: a trailing slash on either name requires a directory.
        if ((source.trailingSlash() || target.trailingSlash()) && !movingDirectory) {
            throw fail(Errno.NOTDIR);
        }
        if (target.node() == moving) {
            return Errno.SUCCESS;
        }
        String sourcePath = pathOf(source);
        String targetParent = pathOf(target.parent());
        if (movingDirectory && targetParent != null
                && (targetParent.equals(sourcePath) || targetParent.startsWith(sourcePath + "/"))) {
            throw fail(Errno.INVAL);
        }
        if (targetParent == null) {
            throw fail(Errno.NOENT);
        }
        Node replaced = target.node();
        String targetPath = join(targetParent, target.name());
        if (replaced != null) {
            if (replaced instanceof Dir) {
                if (!movingDirectory) {
                    throw fail(Errno.ISDIR);
                }
                if (!childrenOf(targetPath).isEmpty()) {
                    throw fail(Errno.NOTEMPTY);
                }
            } else if (movingDirectory) {
                throw fail(Errno.NOTDIR);
            }
            tree.remove(targetPath);
        }
        // Every name under the moved one moves too, keeping its relative order.
        List<Map.Entry<String, Node>> moved = new ArrayList<>();
        for (Map.Entry<String, Node> e : tree.entrySet()) {
            if (e.getKey().equals(sourcePath) || (movingDirectory && e.getKey().startsWith(sourcePath + "/"))) {
                moved.add(Map.entry(e.getKey(), e.getValue()));
            }
        }
        for (Map.Entry<String, Node> e : moved) {
            tree.remove(e.getKey());
        }
        for (Map.Entry<String, Node> e : moved) {
            tree.put(targetPath + e.getKey().substring(sourcePath.length()), e.getValue());
        }
        return Errno.SUCCESS;
    }

    int pathLink(int oldFd, boolean follow, byte[] oldPath, int newFd, byte[] newPath) {
        Fd from = directoryFd(oldFd, Rights.PATH_LINK_SOURCE);
        Fd to = directoryFd(newFd, Rights.PATH_LINK_TARGET);
        checkPathLength(oldPath);
        Lookup source = resolve((Dir) from.node, oldPath, follow);
        if (source.node() == null) {
            throw fail(Errno.NOENT);
        }
        checkPathLength(newPath);
        Lookup target = resolveEntry((Dir) to.node, newPath);
        if (target.trailingSlash()) {
            throw fail(target.node() != null ? Errno.EXIST : Errno.NOENT);
        }
        // As Linux: the new name is judged before the source is found to be a directory.
        String where = creatable(target);
        if (source.node() instanceof Dir) {
            throw fail(Errno.PERM);
        }
        tree.put(where, source.node());
        return Errno.SUCCESS;
    }

    /** path_symlink of {@code target} at {@code path}. */
    int pathSymlink(byte[] target, int fd, byte[] path) {
        checkPathLength(target);
        if (target.length == 0) {
            throw fail(Errno.NOENT);
        }
        checkString(target);
        Fd d = directoryFd(fd, Rights.PATH_SYMLINK);
        if (target[0] == '/') {
            // Wasmtime (cap-std) refuses an absolute target before it looks at the new name.
            throw fail(Errno.PERM);
        }
        checkPathLength(path);
        Lookup at = resolveEntry((Dir) d.node, path);
        if (at.trailingSlash()) {
            throw fail(at.node() != null ? Errno.EXIST : Errno.NOENT);
        }
        tree.put(creatable(at), new Link(target.clone()));
        return Errno.SUCCESS;
    }

    byte[] pathReadlink(int fd, byte[] path, int bufLen) {
        Fd d = directoryFd(fd, Rights.PATH_READLINK);
        checkPathLength(path);
        Lookup at = resolve((Dir) d.node, path, false);
        if (at.node() == null) {
            throw fail(Errno.NOENT);
        }
        if (!(at.node() instanceof Link link)) {
            throw fail(Errno.INVAL);
        }
        return Arrays.copyOf(link.target(), Math.min(link.target().length, bufLen));
    }

    /** path_filestat_get; as Linux's lstat, a trailing slash follows the last symlink even without FOLLOW. */
    Node pathFilestatGet(int fd, boolean follow, byte[] path) {
        Fd d = directoryFd(fd, Rights.PATH_FILESTAT_GET);
        checkPathLength(path);
        Lookup at = resolve((Dir) d.node, path, follow);
        if (at.node() == null) {
            throw fail(Errno.NOENT);
        }
        return at.node();
    }

    Node fdFilestatGet(int fd) {
        return fd(fd, Rights.FD_FILESTAT_GET).node;
    }

    /** The names fd_readdir lists, "." and ".." first, each with its node; the parent of the preopen is outside (null). */
    List<Map.Entry<String, Node>> fdReaddir(int fd) {
        Fd d = directoryFd(fd, Rights.FD_READDIR);
        Dir dir = (Dir) d.node;
        String path = pathOf(dir);
        List<Map.Entry<String, Node>> entries = new ArrayList<>();
        entries.add(new java.util.AbstractMap.SimpleEntry<>(".", dir));
        entries.add(new java.util.AbstractMap.SimpleEntry<>("..", path == null || path.isEmpty() ? null : tree.get(parentOf(path))));
        if (path != null) {
            for (String child : childrenOf(path)) {
                entries.add(Map.entry(child, tree.get(join(path, child))));
            }
        }
        return entries;
    }
}

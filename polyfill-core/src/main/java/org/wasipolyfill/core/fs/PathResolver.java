package org.wasipolyfill.core.fs;

import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.ErrnoException;

/**
 * Resolves a guest path inside a directory capability, one component at a time and never by
 * editing the path as text: components wait on a worklist, the depth walked below the starting
 * directory is counted, a ".." at depth 0 is an escape (ENOTCAPABLE), and a symlink's target is
 * pushed back onto the worklist. An absolute path or symlink target is an escape too.
 */
public final class PathResolver {
    /** Symlink expansions allowed in one lookup before ELOOP, as Linux and cap-std allow. */
    public static final int MAX_SYMLINK_EXPANSIONS = 40;
    /** The longest name a component may have, as Linux's NAME_MAX (ENAMETOOLONG past it). */
    public static final int NAME_MAX = 255;

    private PathResolver() {}

    /**
     * Looks {@code path} up under {@code start}. Symlinks in intermediate components are always
     * followed; the last component is followed when {@code followLast} is set or the path ends in
     * a slash. A trailing slash on anything but a directory is ENOTDIR.
     *
     * <p>The worklist is the path itself, scanned in place: components are byte ranges, the
     * directories walked are a depth count (each one's parent is the one walked before it, since
     * directories have exactly one name), and a followed symlink replaces the worklist with its
     * target followed by the components still to come. Only a last component that names nothing
     * yet is copied, into the {@link FileName} of the result.
     */
    public static Resolved resolve(DirectoryNode start, byte[] path, boolean followLast) {
        return resolve(start, path, path.length, followLast);
    }

    /**
     * As {@link #resolve(DirectoryNode, byte[], boolean)} for the path {@code path[0, pathLength)}.
     * Nothing here keeps {@code path}, so a caller may reuse the array for its next lookup.
     */
    public static Resolved resolve(DirectoryNode start, byte[] path, int pathLength, boolean followLast) {
        return resolve(start, path, 0, pathLength, followLast);
    }

    /**
     * As {@link #resolve(DirectoryNode, byte[], boolean)} for the path {@code path[from, pathLength)}:
     * the MemFS host API looks an absolute path up from the root past its leading slashes, without
     * copying the rest.
     */
    public static Resolved resolve(DirectoryNode start, byte[] path, int from, int pathLength, boolean followLast) {
        return resolve(start, path, from, pathLength, followLast, false);
    }

    /**
     * Looks up the directory entry {@code path} names, for the calls that act on a name itself
     * (mkdir, symlink, link's new name, unlink, rmdir, both names of rename): as Linux does, the
     * last component is never followed, even before a trailing slash, and the trailing slash is
     * left in the result for the call to judge (rename of a file to "x/" is ENOTDIR, unlink of
     * "dir/" EISDIR, mkdir of "link/" EEXIST).
     */
    public static Resolved resolveEntry(DirectoryNode start, byte[] path, int pathLength) {
        return resolve(start, path, 0, pathLength, false, true);
    }

    /** As {@link #resolveEntry(DirectoryNode, byte[], int)} for the path {@code path[from, pathLength)}. */
    public static Resolved resolveEntry(DirectoryNode start, byte[] path, int from, int pathLength) {
        return resolve(start, path, from, pathLength, false, true);
    }

    private static Resolved resolve(DirectoryNode start, byte[] path, int from, int pathLength, boolean followLast,
            boolean nameItself) {
        validate(path, from, pathLength);
        if (path[from] == '/') {
            throw ErrnoException.of(Errno.NOTCAPABLE);
        }
        boolean trailingSlash = path[pathLength - 1] == '/';
        DirectoryNode current = start;
        int depth = 0;
        int expansions = 0;
        byte[] work = path;
        int workLength = pathLength;
        int at = from;
        while (true) {
            // work[at] starts a component: never a slash, never past the end.
            int end = at;
            int hash = 1;
            while (end < workLength && work[end] != '/') {
                hash = 31 * hash + work[end];
                end++;
            }
            int next = end;
            while (next < workLength && work[next] == '/') {
                next++;
            }
            boolean last = next == workLength;
            int length = end - at;
            if (length > NAME_MAX) {
                throw ErrnoException.of(Errno.NAMETOOLONG);
            }
            if (length == 1 && work[at] == '.') {
                if (last) {
                    return new Resolved(current, null, current, trailingSlash);
                }
                at = next;
                continue;
            }
            if (length == 2 && work[at] == '.' && work[at + 1] == '.') {
                if (depth == 0) {
                    throw ErrnoException.of(Errno.NOTCAPABLE);
                }
                current = current.parent();
                depth--;
                if (last) {
                    return new Resolved(current, null, current, trailingSlash);
                }
                at = next;
                continue;
            }
            DirectoryNode.Entry entry = current.find(work, at, length, hash);
            Inode child = entry == null ? null : entry.node();
            if (child instanceof SymlinkNode link && (!last || !nameItself && (followLast || trailingSlash))) {
                if (++expansions > MAX_SYMLINK_EXPANSIONS) {
                    throw ErrnoException.of(Errno.LOOP);
                }
                byte[] target = link.target();
                if (target.length == 0) {
                    throw ErrnoException.of(Errno.NOENT);
                }
                if (target[0] == '/') {
                    throw ErrnoException.of(Errno.NOTCAPABLE);
                }
                if (last && target[target.length - 1] == '/') {
                    trailingSlash = true;
                }
                work = last ? target : prepend(target, work, next, workLength);
                workLength = work.length;
                at = 0;
                continue;
            }
            if (last) {
                if (trailingSlash && !nameItself && child != null && !(child instanceof DirectoryNode)) {
                    throw ErrnoException.of(Errno.NOTDIR);
                }
                // An existing name is the entry's own (equal bytes): only a new name is copied.
                FileName name = entry != null ? entry.name() : new FileName(copy(work, at, length), hash);
                return new Resolved(current, name, child, trailingSlash);
            }
            if (child == null) {
                throw ErrnoException.of(Errno.NOENT);
            }
            if (!(child instanceof DirectoryNode directory)) {
                throw ErrnoException.of(Errno.NOTDIR);
            }
            current = directory;
            depth++;
            at = next;
        }
    }

    /**
     * Checks a symlink target before the link is made: it is a path too, so NUL is EINVAL and
     * invalid UTF-8 EILSEQ, and an empty one is ENOENT, as symlink(2) answers.
     */
    public static void checkTarget(byte[] target) {
        validate(target, 0, target.length);
    }

    /** {@code target}, a slash, then {@code rest[from..]}: the symlink's components, then those still to come. */
    private static byte[] prepend(byte[] target, byte[] rest, int from, int restLength) {
        byte[] joined = new byte[target.length + 1 + restLength - from];
        System.arraycopy(target, 0, joined, 0, target.length);
        joined[target.length] = '/';
        System.arraycopy(rest, from, joined, target.length + 1, restLength - from);
        return joined;
    }

    private static byte[] copy(byte[] source, int from, int length) {
        byte[] bytes = new byte[length];
        System.arraycopy(source, from, bytes, 0, length);
        return bytes;
    }

    /** Paths are bytes, but WASI paths are strings: NUL is EINVAL, invalid UTF-8 is EILSEQ. */
    private static void validate(byte[] path, int from, int length) {
        if (length <= from) {
            throw ErrnoException.of(Errno.NOENT);
        }
        int i = from;
        while (i < length) {
            int b = path[i] & 0xFF;
            if (b == 0) {
                throw ErrnoException.of(Errno.INVAL);
            }
            if (b < 0x80) {
                i++;
                continue;
            }
            // The second byte's range also refuses overlong forms, surrogates and code points past U+10FFFF.
            int extra = b >= 0xF0 && b <= 0xF4 ? 3 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xC2 && b < 0xE0 ? 1 : -1;
            if (extra < 0 || i + extra >= length) {
                throw ErrnoException.of(Errno.ILSEQ);
            }
            int second = path[i + 1] & 0xFF;
            int low = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
            int high = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
            if (second < low || second > high) {
                throw ErrnoException.of(Errno.ILSEQ);
            }
            for (int k = 2; k <= extra; k++) {
                if ((path[i + k] & 0xC0) != 0x80) {
                    throw ErrnoException.of(Errno.ILSEQ);
                }
            }
            i += extra + 1;
        }
    }
}

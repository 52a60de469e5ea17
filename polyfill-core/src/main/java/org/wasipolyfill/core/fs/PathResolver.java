package org.wasipolyfill.core.fs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import org.wasipolyfill.core.abi.Errno;

/**
 * Resolves a guest path inside a directory capability, one component at a time and never by
 * editing the path as text: components wait on a worklist, the directories walked stay on a
 * stack, a ".." that would pop the starting directory is an escape (ENOTCAPABLE), and a symlink's
 * target is pushed back onto the worklist. An absolute path or symlink target is an escape too.
 */
public final class PathResolver {
    /** Symlink expansions allowed in one lookup before ELOOP, as Linux and cap-std allow. */
    public static final int MAX_SYMLINK_EXPANSIONS = 40;

    private PathResolver() {}

    /**
     * Looks {@code path} up under {@code start}. Symlinks in intermediate components are always
     * followed; the last component is followed when {@code followLast} is set or the path ends in
     * a slash. A trailing slash on anything but a directory is ENOTDIR.
     */
    public static Resolved resolve(DirectoryNode start, byte[] path, boolean followLast) {
        validate(path);
        if (path[0] == '/') {
            throw new FsException(Errno.NOTCAPABLE);
        }
        boolean trailingSlash = path[path.length - 1] == '/';
        ArrayDeque<byte[]> work = new ArrayDeque<>();
        pushComponents(work, path);
        ArrayList<DirectoryNode> walked = new ArrayList<>();
        walked.add(start);
        int expansions = 0;
        while (true) {
            byte[] component = work.pollFirst();
            boolean last = work.isEmpty();
            DirectoryNode current = walked.get(walked.size() - 1);
            if (isDot(component)) {
                if (last) {
                    return new Resolved(current, null, current, trailingSlash);
                }
                continue;
            }
            if (isDotDot(component)) {
                if (walked.size() == 1) {
                    throw new FsException(Errno.NOTCAPABLE);
                }
                walked.remove(walked.size() - 1);
                if (last) {
                    DirectoryNode up = walked.get(walked.size() - 1);
                    return new Resolved(up, null, up, trailingSlash);
                }
                continue;
            }
            FileName name = new FileName(component);
            Inode child = current.get(name);
            if (child instanceof SymlinkNode link && (!last || followLast || trailingSlash)) {
                if (++expansions > MAX_SYMLINK_EXPANSIONS) {
                    throw new FsException(Errno.LOOP);
                }
                byte[] target = link.target();
                if (target.length == 0) {
                    throw new FsException(Errno.NOENT);
                }
                if (target[0] == '/') {
                    throw new FsException(Errno.NOTCAPABLE);
                }
                if (last && target[target.length - 1] == '/') {
                    trailingSlash = true;
                }
                pushComponents(work, target);
                continue;
            }
            if (last) {
                if (trailingSlash && child != null && !(child instanceof DirectoryNode)) {
                    throw new FsException(Errno.NOTDIR);
                }
                return new Resolved(current, name, child, trailingSlash);
            }
            if (child == null) {
                throw new FsException(Errno.NOENT);
            }
            if (!(child instanceof DirectoryNode directory)) {
                throw new FsException(Errno.NOTDIR);
            }
            walked.add(directory);
        }
    }

    /** Pushes the components of {@code path} onto the front of the worklist, in order. */
    private static void pushComponents(ArrayDeque<byte[]> work, byte[] path) {
        int end = path.length;
        boolean pushed = false;
        while (end > 0) {
            int startOfComponent = end;
            while (startOfComponent > 0 && path[startOfComponent - 1] != '/') {
                startOfComponent--;
            }
            if (startOfComponent < end) {
                byte[] component = new byte[end - startOfComponent];
                System.arraycopy(path, startOfComponent, component, 0, component.length);
                work.addFirst(component);
                pushed = true;
            }
            end = startOfComponent - 1;
        }
        if (!pushed) {
            work.addFirst(new byte[] {'.'});
        }
    }

    /** Paths are bytes, but WASI paths are strings: NUL is EINVAL, invalid UTF-8 is EILSEQ. */
    private static void validate(byte[] path) {
        if (path.length == 0) {
            throw new FsException(Errno.NOENT);
        }
        int i = 0;
        while (i < path.length) {
            int b = path[i] & 0xFF;
            if (b == 0) {
                throw new FsException(Errno.INVAL);
            }
            if (b < 0x80) {
                i++;
                continue;
            }
            int extra = b >= 0xF0 && b <= 0xF4 ? 3 : b >= 0xE0 ? 2 : b >= 0xC2 && b < 0xE0 ? 1 : -1;
            if (extra < 0 || i + extra >= path.length) {
                throw new FsException(Errno.ILSEQ);
            }
            for (int k = 1; k <= extra; k++) {
                if ((path[i + k] & 0xC0) != 0x80) {
                    throw new FsException(Errno.ILSEQ);
                }
            }
            i += extra + 1;
        }
    }

    private static boolean isDot(byte[] c) {
        return c.length == 1 && c[0] == '.';
    }

    private static boolean isDotDot(byte[] c) {
        return c.length == 2 && c[0] == '.' && c[1] == '.';
    }
}

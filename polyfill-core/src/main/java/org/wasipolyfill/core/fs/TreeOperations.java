package org.wasipolyfill.core.fs;

import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.ErrnoException;

/**
 * The POSIX operations of a MemFS on resolved lookups: create, link, unlink, remove, rename (as
 * jimfs's FileSystemView, relative to where a lookup ended). The syscall layer resolves inside a
 * capability, the host API from the root; both act through this.
 */
public final class TreeOperations {
    private final MemFs fs;
    private final InodeFactory nodes;

    TreeOperations(MemFs fs, InodeFactory nodes) {
        this.fs = fs;
        this.nodes = nodes;
    }

    public FileNode createFile(Resolved at) {
        DirectoryNode parent = creatableParent(at);
        long now = fs.now();
        FileNode file = nodes.newFile(now);
        parent.link(at.name(), file, now);
        return file;
    }

    public DirectoryNode createDirectory(Resolved at) {
        DirectoryNode parent = creatableParent(at);
        long now = fs.now();
        DirectoryNode directory = nodes.newDirectory(parent, now);
        parent.link(at.name(), directory, now);
        return directory;
    }

    public SymlinkNode createSymlink(Resolved at, byte[] target) {
        if (at.trailingSlash()) {
            throw ErrnoException.of(at.exists() ? Errno.EXIST : Errno.NOENT);
        }
        DirectoryNode parent = creatableParent(at);
        long now = fs.now();
        SymlinkNode link = nodes.newSymlink(target, now);
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
        parent.link(at.name(), existing, fs.now());
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
        released(at.parent().unlink(at.name(), fs.now()));
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
        at.parent().unlink(at.name(), fs.now());
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
        long now = fs.now();
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
    static void released(Inode node) {
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
}

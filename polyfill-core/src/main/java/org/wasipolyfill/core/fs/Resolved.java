package org.wasipolyfill.core.fs;

import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.ErrnoException;

/**
 * The outcome of a path lookup: the directory the last component lives in, that component's name
 * ({@code null} when the path ended in "." or ".."), and what it names ({@code null} if nothing).
 * This is exactly what create, unlink and rename need.
 */
public record Resolved(DirectoryNode parent, FileName name, Inode node, boolean trailingSlash) {

    public boolean exists() {
        return node != null;
    }

    /** What the path names; ENOENT if nothing. */
    public Inode requireExists() {
        if (node == null) {
            throw ErrnoException.of(Errno.NOENT);
        }
        return node;
    }

    /** The directory the path names; ENOENT if nothing, ENOTDIR if not a directory. */
    public DirectoryNode requireDirectory() {
        if (requireExists() instanceof DirectoryNode directory) {
            return directory;
        }
        throw ErrnoException.of(Errno.NOTDIR);
    }
}

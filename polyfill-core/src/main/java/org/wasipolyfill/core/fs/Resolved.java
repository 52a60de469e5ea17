package org.wasipolyfill.core.fs;

/**
 * The outcome of a path lookup: the directory the last component lives in, that component's name
 * ({@code null} when the path ended in "." or ".."), and what it names ({@code null} if nothing).
 * This is exactly what create, unlink and rename need.
 */
public record Resolved(DirectoryNode parent, FileName name, Inode node, boolean trailingSlash) {

    public boolean exists() {
        return node != null;
    }
}

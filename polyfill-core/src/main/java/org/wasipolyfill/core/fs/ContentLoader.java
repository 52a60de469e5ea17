package org.wasipolyfill.core.fs;

/**
 * Where the bytes of a lazy file really live (a URL, say): asked for a part of the file the first
 * time something reads it. Reads are synchronous, so this is too; an asynchronous host can instead
 * ask {@link FileData#missingRun} what is missing, fetch it, {@link FileData#supply} it, then read.
 */
public interface ContentLoader {
    /**
     * The {@code length} bytes at {@code offset}; null when they cannot be had, which the reader
     * gets as EIO (the loader reports the cause to its host).
     */
    byte[] load(long offset, int length);
}

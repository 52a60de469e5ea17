package org.wasipolyfill.core;

/**
 * Where a guest's stdout or stderr bytes go: one call per {@code fd_write}, with the guest's
 * iovecs still pointing into its memory, so a sink copies the bytes exactly once, to wherever it
 * keeps them ({@link IoVecs#gather}). They are only valid during the call.
 */
@FunctionalInterface
public interface OutputSink {
    /** {@code total} (more than 0) is the sum of the iovec lengths, all of them inside guest memory. */
    void write(IoVecs data, int total);

    OutputSink DISCARD = (data, total) -> { };
}

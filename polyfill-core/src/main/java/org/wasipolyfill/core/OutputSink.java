package org.wasipolyfill.core;

/** Where a guest's stdout or stderr bytes go. The bytes are only valid during the call. */
@FunctionalInterface
public interface OutputSink {
    void write(byte[] data, int offset, int length);

    OutputSink DISCARD = (data, offset, length) -> { };
}

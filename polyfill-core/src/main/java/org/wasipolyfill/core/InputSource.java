package org.wasipolyfill.core;

/** Where a guest's stdin bytes come from. */
@FunctionalInterface
public interface InputSource {
    /**
     * Fills up to {@code length} bytes of {@code target} from {@code offset} and returns how many;
     * 0 means end of file.
     */
    int read(byte[] target, int offset, int length);

    /**
     * Null when a read would return at once (bytes are buffered, or the input has ended); else what
     * it would wait for. A source that pulls synchronously never waits.
     */
    default Pending pending() {
        return null;
    }

    /** The bytes a read would return at once, for poll_oneoff's nbytes; 0 when it cannot tell. */
    default int buffered() {
        return 0;
    }

    InputSource EMPTY = (target, offset, length) -> 0;
}

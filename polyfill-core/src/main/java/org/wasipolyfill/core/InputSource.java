package org.wasipolyfill.core;

/** Where a guest's stdin bytes come from. */
@FunctionalInterface
public interface InputSource {
    /**
     * Fills up to {@code length} bytes of {@code target} from {@code offset} and returns how many;
     * 0 means end of file.
     */
    int read(byte[] target, int offset, int length);

    InputSource EMPTY = (target, offset, length) -> 0;
}

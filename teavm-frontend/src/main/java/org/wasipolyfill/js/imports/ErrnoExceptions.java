package org.wasipolyfill.js.imports;

import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.fs.FsException;

/**
 * Throws each shared {@link FsException} once before any guest runs. TeaVM gives a Java exception
 * a JS {@code Error}, with a captured stack, the first time it is thrown and reuses it after. The
 * core keeps one {@code FsException} per errno, so without this the first throw of each would
 * capture a stack holding a guest's wasm frames, and through them its instance and linear memory,
 * for as long as the page lives.
 */
final class ErrnoExceptions {
    private static boolean prepared;

    private ErrnoExceptions() {}

    /**
     * Idempotent. Called where an import namespace is made: no guest can call an import before
     * that, so no guest frame is on the stack.
     */
    static void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        for (int errno = Errno.SUCCESS + 1; errno <= Errno.NOTCAPABLE; errno++) {
            try {
                throw FsException.of(errno);
            } catch (FsException expected) {
                // Thrown only to attach its JS Error here.
            }
        }
    }
}

package org.wasipolyfill.core.fs;

/** A snapshot that cannot be restored as it is; the MemFS it was meant for is left untouched. */
public final class RestoreException extends RuntimeException {
    public RestoreException(String message) {
        super(message);
    }
}

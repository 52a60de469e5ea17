package org.wasipolyfill.core;

/** Thrown by {@code proc_exit} to unwind the guest; the host catches it and reports the code. */
public final class ProcExit extends RuntimeException {
    private final int code;

    public ProcExit(int code) {
        super("proc_exit(" + code + ")", null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }
}

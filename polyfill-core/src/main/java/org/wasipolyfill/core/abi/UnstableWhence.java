package org.wasipolyfill.core.abi;

/** witx {@code whence} of {@code wasi_unstable} (legacy/preview0): the same bases as {@link Whence}, numbered differently. */
public final class UnstableWhence {
    private UnstableWhence() {}

    public static final int CUR = 0;
    public static final int END = 1;
    public static final int SET = 2;

    /**
     * The preview1 number of {@code whence}. A value neither ABI defines passes through, so preview1
     * refuses it exactly as it refuses its own bad values.
     */
    public static int toPreview1(int whence) {
        switch (whence) {
            case CUR:
                return Whence.CUR;
            case END:
                return Whence.END;
            case SET:
                return Whence.SET;
            default:
                return whence;
        }
    }
}

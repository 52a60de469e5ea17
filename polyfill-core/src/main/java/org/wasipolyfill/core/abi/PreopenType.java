package org.wasipolyfill.core.abi;

/** witx {@code preopentype} (u8): the kind of a preopened resource. */
public final class PreopenType {
    private PreopenType() {}

    public static final int DIR = 0;
}

package org.wasipolyfill.core.abi;

/** witx {@code lookupflags} (u32): how the last path component is resolved. */
public final class LookupFlags {
    private LookupFlags() {}

    public static final int SYMLINK_FOLLOW = 1;
}

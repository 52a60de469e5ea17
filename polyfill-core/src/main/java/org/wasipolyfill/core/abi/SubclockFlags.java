package org.wasipolyfill.core.abi;

/** witx {@code subclockflags} (u16): how a clock subscription's timeout is read. */
public final class SubclockFlags {
    private SubclockFlags() {}

    public static final int SUBSCRIPTION_CLOCK_ABSTIME = 1;
}

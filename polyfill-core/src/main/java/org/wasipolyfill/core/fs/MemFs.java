package org.wasipolyfill.core.fs;

import org.wasipolyfill.core.WasiClock;

/** An in-memory filesystem: the tree a guest sees through its preopens. */
public final class MemFs {
    private final WasiClock clock;

    public MemFs(WasiClock clock) {
        this.clock = clock;
    }
}

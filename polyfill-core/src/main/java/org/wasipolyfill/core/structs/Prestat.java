package org.wasipolyfill.core.structs;

import org.wasipolyfill.core.abi.Layout;
import org.wasipolyfill.core.abi.PreopenType;
import org.wasipolyfill.core.memory.GuestMemory;

/** {@code prestat}: the tag {@code dir} and the length of the preopen's name. */
public final class Prestat {
    private Prestat() {}

    public static void writeDir(GuestMemory memory, int buf, int nameLength) {
        memory.checkRange(buf, Layout.PRESTAT_SIZE);
        memory.writeI32(buf + Layout.PRESTAT_TAG, PreopenType.DIR);
        memory.writeI32(buf + Layout.PRESTAT_DIR_NAME_LEN, nameLength);
    }
}

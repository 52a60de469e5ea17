package org.wasipolyfill.core.structs;

import org.wasipolyfill.core.abi.Layout;
import org.wasipolyfill.core.memory.GuestMemory;

/** {@code fdstat}: filetype u8, fs_flags u16, fs_rights_base and fs_rights_inheriting u64, padding zeroed. */
public final class Fdstat {
    private Fdstat() {}

    /** Rights are u64s whose high halves are zero (see Rights): each is two i32 stores. */
    public static void write(GuestMemory memory, int buf, int fileType, int fdFlags, int rightsBase,
            int rightsInheriting) {
        memory.checkRange(buf, Layout.FDSTAT_SIZE);
        memory.writeU8(buf + Layout.FDSTAT_FILETYPE, fileType);
        memory.writeU8(buf + Layout.FDSTAT_FILETYPE + 1, 0);
        memory.writeU16(buf + Layout.FDSTAT_FLAGS, fdFlags);
        memory.writeI32(buf + Layout.FDSTAT_FLAGS + 2, 0);
        memory.writeI32(buf + Layout.FDSTAT_RIGHTS_BASE, rightsBase);
        memory.writeI32(buf + Layout.FDSTAT_RIGHTS_BASE + 4, 0);
        memory.writeI32(buf + Layout.FDSTAT_RIGHTS_INHERITING, rightsInheriting);
        memory.writeI32(buf + Layout.FDSTAT_RIGHTS_INHERITING + 4, 0);
    }
}

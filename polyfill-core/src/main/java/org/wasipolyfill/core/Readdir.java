package org.wasipolyfill.core;

import org.wasipolyfill.core.abi.Layout;
import org.wasipolyfill.core.fs.DirectoryNode;
import org.wasipolyfill.core.fs.Inode;
import org.wasipolyfill.core.memory.GuestMemory;
import org.wasipolyfill.core.structs.Dirent;

/**
 * fd_readdir: serialises dirents (header then name) from a cookie on until the buffer is full. The
 * last dirent may be cut short: a buffer filled to the byte tells libc to call again with a larger
 * buffer or the last complete entry's cookie.
 */
final class Readdir {
    private static final byte[] NONE = new byte[0];

    private byte[] scratch = NONE;

    /** Returns the number of buffer bytes used. */
    int fill(GuestMemory memory, DirectoryNode directory, long cookie, int buf, int bufLen) {
        memory.checkRange(buf, bufLen);
        int used = 0;
        if (cookie == 0) {
            used = put(memory, buf, bufLen, used, 1, directory, DOT);
        }
        if (cookie <= 1 && used < bufLen) {
            used = put(memory, buf, bufLen, used, 2, directory.parent(), DOT_DOT);
        }
        if (used >= bufLen) {
            return used;
        }
        for (int slot = directory.firstSlotFrom(cookie), end = directory.slotCount(); slot < end; slot++) {
            DirectoryNode.Entry entry = directory.entryAt(slot);
            if (entry == null) {
                continue;
            }
            used = put(memory, buf, bufLen, used, entry.nextCookie(), entry.node(), entry.name().bytes());
            if (used >= bufLen) {
                break;
            }
        }
        return used;
    }

    private static final byte[] DOT = {'.'};
    private static final byte[] DOT_DOT = {'.', '.'};

    /** {@code next} is the u64 cookie, always below 2^31 here. */
    private int put(GuestMemory memory, int buf, int bufLen, int used, int next, Inode node, byte[] name) {
        int size = Layout.DIRENT_SIZE + name.length;
        if (scratch.length < size) {
            scratch = new byte[Math.max(size, Layout.DIRENT_SIZE + 256)];
        }
        Dirent.writeHeader(scratch, 0, next, node.inoU32(), name.length, node.fileType());
        System.arraycopy(name, 0, scratch, Layout.DIRENT_SIZE, name.length);
        int n = Math.min(size, bufLen - used);
        memory.write(buf + used, scratch, 0, n);
        return used + n;
    }
}

package org.wasipolyfill.core.structs;

import org.wasipolyfill.core.abi.Layout;
import org.wasipolyfill.core.abi.UnstableLayout;
import org.wasipolyfill.core.fs.Inode;
import org.wasipolyfill.core.memory.GuestMemory;

/**
 * {@code filestat}, in preview1's 64-byte layout and in snapshot 0's 56-byte one (a u32
 * {@code nlink}). A node's ino is below 2^32 (see {@link Inode}): its high half is left zero.
 */
public final class Filestat {
    /** The largest nlink snapshot 0's u32 holds; more links are reported as this, as Wasmtime does. */
    private static final long MAX_UNSTABLE_NLINK = 0xFFFF_FFFFL;

    private Filestat() {}

    /** The preview1 filestat of {@code node}, on the filesystem numbered {@code device}. */
    public static void write(GuestMemory memory, int buf, long device, Inode node) {
        clear(memory, buf, Layout.FILESTAT_SIZE);
        writeHead(memory, buf, device, node);
        memory.writeI64(buf + Layout.FILESTAT_NLINK, node.nlink());
        writeSizeAndTimes(memory, buf + Layout.FILESTAT_SIZE_FIELD, node);
    }

    /** A stdio stream has no inode: a character device with no links and no times, as in Wasmtime. */
    public static void writeStream(GuestMemory memory, int buf, int fileType) {
        clear(memory, buf, Layout.FILESTAT_SIZE);
        memory.writeU8(buf + Layout.FILESTAT_FILETYPE, fileType);
    }

    /** As {@link #write}, in snapshot 0's layout. */
    public static void writeUnstable(GuestMemory memory, int buf, long device, Inode node) {
        clear(memory, buf, UnstableLayout.FILESTAT_SIZE);
        writeHead(memory, buf, device, node);
        memory.writeI32(buf + UnstableLayout.FILESTAT_NLINK, (int) Math.min(node.nlink(), MAX_UNSTABLE_NLINK));
        writeSizeAndTimes(memory, buf + UnstableLayout.FILESTAT_SIZE_FIELD, node);
    }

    /** As {@link #writeStream}, in snapshot 0's layout. */
    public static void writeUnstableStream(GuestMemory memory, int buf, int fileType) {
        clear(memory, buf, UnstableLayout.FILESTAT_SIZE);
        memory.writeU8(buf + UnstableLayout.FILESTAT_FILETYPE, fileType);
    }

    /** dev, ino and filetype, where both layouts have them. */
    private static void writeHead(GuestMemory memory, int buf, long device, Inode node) {
        memory.writeI64(buf + Layout.FILESTAT_DEV, device);
        memory.writeI32(buf + Layout.FILESTAT_INO, node.inoU32());
        memory.writeU8(buf + Layout.FILESTAT_FILETYPE, node.fileType());
    }

    /** size, atim, mtim and ctim: four u64s in a row from {@code at}, in both layouts. */
    private static void writeSizeAndTimes(GuestMemory memory, int at, Inode node) {
        memory.writeI64(at, node.size());
        memory.writeI64(at + Layout.FILESTAT_ATIM - Layout.FILESTAT_SIZE_FIELD, node.atim());
        memory.writeI64(at + Layout.FILESTAT_MTIM - Layout.FILESTAT_SIZE_FIELD, node.mtim());
        memory.writeI64(at + Layout.FILESTAT_CTIM - Layout.FILESTAT_SIZE_FIELD, node.ctim());
    }

    /** Checked before anything is written, so a filestat past the end of memory traps untouched. */
    private static void clear(GuestMemory memory, int buf, int size) {
        memory.checkRange(buf, size);
        memory.fill(buf, size);
    }
}

package org.wasipolyfill.core.fs;

import java.util.Arrays;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.ErrnoException;
import org.wasipolyfill.core.memory.GuestMemory;

/**
 * The bytes of a regular file, held in fixed-size blocks. Appending N bytes in any chunk size costs
 * O(N) with no reallocation copies, memory stays close to the file size, and a block never written
 * (a hole left by seek+write, truncate or allocate) reads as zeros without being stored. A file
 * that fits in one block keeps a single array that grows geometrically, so small files stay small.
 */
public final class FileData {
    static final int BLOCK_SHIFT = 16;
    static final int BLOCK_SIZE = 1 << BLOCK_SHIFT;
    private static final int BLOCK_MASK = BLOCK_SIZE - 1;
    private static final int MIN_FIRST_BLOCK = 64;
    /** Larger files answer EFBIG; the block index must stay an int. */
    public static final long MAX_SIZE = 1L << 40;
    private static final byte[][] NO_BLOCKS = new byte[0][];
    /** A lazy file asks its loader for at least this many blocks at once (1 MiB), fewer only at its end. */
    static final int LOAD_BLOCKS = 16;

    /** Whose byte budget this file's size counts against; null for none. */
    private final MemFs fs;
    private byte[][] blocks = NO_BLOCKS;
    private long length;
    /** Non-null while some of this file's bytes are still at their source. */
    private ContentLoader loader;
    /** How much of the start comes from the source: less after a truncation. */
    private long remoteLength;
    /** Per block of the source: 1 once here (or cut off by a truncation). */
    private byte[] loaded;
    private int missingBlocks;

    /** A file whose size counts against no budget, up to {@link #MAX_SIZE}. */
    public FileData() {
        this(null);
    }

    FileData(MemFs fs) {
        this.fs = fs;
    }

    public long length() {
        return length;
    }

    /**
     * Sets the size; bytes past a shrunken end are dropped, so a later extension reads zeros. The
     * blocks kept may be fewer than the size needs (a size set without writing), and the last one
     * shorter than the new end (a first block that grows geometrically).
     */
    public void setLength(long newLength) {
        if (newLength < 0) {
            throw ErrnoException.of(Errno.INVAL);
        }
        checkGrowth(newLength);
        if (loader != null && newLength < remoteLength) {
            remoteLength = newLength;
            for (int i = (int) ((newLength + BLOCK_MASK) >>> BLOCK_SHIFT); loader != null && i < loaded.length; i++) {
                markLoaded(i);
            }
        }
        if (newLength < length) {
            int keepBlocks = (int) ((newLength + BLOCK_MASK) >>> BLOCK_SHIFT);
            for (int i = keepBlocks; i < blocks.length; i++) {
                blocks[i] = null;
            }
            int tail = (int) (newLength & BLOCK_MASK);
            byte[] last = tail != 0 ? blockAt(keepBlocks - 1) : null;
            if (last != null && tail < last.length) {
                Arrays.fill(last, tail, last.length, (byte) 0);
            }
        }
        resize(newLength);
    }

    /**
     * Copies guest bytes into the file at {@code position}, extending it as needed. The caller has
     * passed {@link #checkWrite} for the whole write, which may span several of these calls (one per
     * iovec): checked once there, it is done whole or not at all. The block index and offset are
     * computed once, in int: a {@code long} is a BigInt in the JS build.
     */
    public void write(long position, GuestMemory memory, int address, int count) {
        load(position, count);
        int index = (int) (position >>> BLOCK_SHIFT);
        int offset = (int) position & BLOCK_MASK;
        int done = 0;
        while (done < count) {
            int n = Math.min(count - done, BLOCK_SIZE - offset);
            memory.read(address + done, writableBlock(index, offset + n), offset, n);
            done += n;
            index++;
            offset = 0;
        }
        // As in POSIX, writing nothing past the end leaves the size alone.
        if (count > 0) {
            extendTo(position + count);
        }
    }

    /** Copies host bytes into the file at {@code position}, extending it as needed. */
    public void write(long position, byte[] source, int sourceOffset, int count) {
        checkWrite(position, count);
        load(position, count);
        int index = (int) (position >>> BLOCK_SHIFT);
        int offset = (int) position & BLOCK_MASK;
        int done = 0;
        while (done < count) {
            int n = Math.min(count - done, BLOCK_SIZE - offset);
            System.arraycopy(source, sourceOffset + done, writableBlock(index, offset + n), offset, n);
            done += n;
            index++;
            offset = 0;
        }
        if (count > 0) {
            extendTo(position + count);
        }
    }

    /** Copies up to {@code count} bytes from {@code position} into guest memory; returns how many. */
    public int read(long position, GuestMemory memory, int address, int count) {
        int total = readableCount(position, count);
        load(position, total);
        int index = (int) (position >>> BLOCK_SHIFT);
        int offset = (int) position & BLOCK_MASK;
        int done = 0;
        while (done < total) {
            int n = Math.min(total - done, BLOCK_SIZE - offset);
            byte[] block = blockAt(index);
            if (block == null || block.length < offset + n) {
                readSparse(block, offset, n, memory, address + done);
            } else {
                memory.write(address + done, block, offset, n);
            }
            done += n;
            index++;
            offset = 0;
        }
        return total;
    }

    /** Copies up to {@code count} bytes from {@code position} into a host array; returns how many. */
    public int read(long position, byte[] target, int targetOffset, int count) {
        int total = readableCount(position, count);
        load(position, total);
        int index = (int) (position >>> BLOCK_SHIFT);
        int offset = (int) position & BLOCK_MASK;
        int done = 0;
        while (done < total) {
            int n = Math.min(total - done, BLOCK_SIZE - offset);
            byte[] block = blockAt(index);
            int stored = block == null ? 0 : Math.max(0, Math.min(n, block.length - offset));
            if (stored > 0) {
                System.arraycopy(block, offset, target, targetOffset + done, stored);
            }
            Arrays.fill(target, targetOffset + done + stored, targetOffset + done + n, (byte) 0);
            done += n;
            index++;
            offset = 0;
        }
        return total;
    }

    /** The whole content as one array (host API). */
    public byte[] toByteArray() {
        if (length > Integer.MAX_VALUE - 8) {
            throw ErrnoException.of(Errno.FBIG);
        }
        byte[] all = new byte[(int) length];
        read(0, all, 0, all.length);
        return all;
    }

    /**
     * Makes this empty file a lazy one of {@code size} bytes: each part is asked of {@code source}
     * the first time a read or a write reaches it. The size counts against the budget at once.
     */
    public void makeLazy(long size, ContentLoader source) {
        setLength(size);
        if (size > 0) {
            loader = source;
            remoteLength = size;
            missingBlocks = (int) ((size + BLOCK_MASK) >>> BLOCK_SHIFT);
            loaded = new byte[missingBlocks];
        }
    }

    /** Whether some bytes are still at the source. */
    public boolean isLazy() {
        return loader != null;
    }

    /**
     * The first run of blocks still at the source among those {@code [position, position + count)}
     * touches, as {@code {first, end}} block indices, extended to {@link #LOAD_BLOCKS} blocks where
     * the following ones are missing too; null when all are here. With {@link #runOffset},
     * {@link #runLength} and {@link #supply}, a host can fetch them asynchronously before a read.
     */
    public int[] missingRun(long position, int count) {
        if (loader == null || count <= 0) {
            return null;
        }
        int last = (int) ((position + count - 1) >>> BLOCK_SHIFT);
        for (int i = (int) (position >>> BLOCK_SHIFT); i <= last; i++) {
            if (isMissing(i)) {
                int end = i + 1;
                while ((end <= last || end - i < LOAD_BLOCKS) && isMissing(end)) {
                    end++;
                }
                return new int[] { i, end };
            }
        }
        return null;
    }

    public static long runOffset(int first) {
        return (long) first << BLOCK_SHIFT;
    }

    /** How many bytes of the source the blocks {@code [first, end)} hold. */
    public int runLength(int first, int end) {
        return (int) Math.min(remoteLength - runOffset(first), (long) (end - first) << BLOCK_SHIFT);
    }

    /** Stores the {@link #runLength} bytes the source gave for the blocks {@code [first, end)}; EIO for another length. */
    public void supply(int first, int end, byte[] bytes) {
        if (loader == null) {
            return;
        }
        if (bytes.length != runLength(first, end)) {
            throw ErrnoException.of(Errno.IO);
        }
        for (int i = first; i < end; i++) {
            if (isMissing(i)) {
                int at = (i - first) << BLOCK_SHIFT;
                int n = Math.min(BLOCK_SIZE, bytes.length - at);
                System.arraycopy(bytes, at, writableBlock(i, n), 0, n);
                markLoaded(i);
            }
        }
    }

    private boolean isMissing(int index) {
        return index < loaded.length && loaded[index] == 0;
    }

    private void markLoaded(int index) {
        if (loaded[index] == 0) {
            loaded[index] = 1;
            if (--missingBlocks == 0) {
                loader = null;
                loaded = null;
            }
        }
    }

    /** Asks the source for what {@code [position, position + count)} still misses; EIO if it fails. */
    private void load(long position, int count) {
        int[] run;
        while (loader != null && (run = missingRun(position, count)) != null) {
            byte[] bytes = loader.load(runOffset(run[0]), runLength(run[0], run[1]));
            if (bytes == null) {
                throw ErrnoException.of(Errno.IO);
            }
            supply(run[0], run[1], bytes);
        }
    }

    private int readableCount(long position, int count) {
        if (position >= length) {
            return 0;
        }
        return (int) Math.min(count, length - position);
    }

    private void readSparse(byte[] block, int offset, int n, GuestMemory memory, int address) {
        int stored = block == null ? 0 : Math.max(0, Math.min(n, block.length - offset));
        if (stored > 0) {
            memory.write(address, block, offset, stored);
        }
        memory.fill(address + stored, n - stored);
    }

    /**
     * Fails unless {@code count} bytes may be written at {@code position}: EINVAL for an end past
     * 2^63 - 1, as Linux answers, else EFBIG or ENOSPC. Checked before anything is copied, so a
     * write is done whole or not at all.
     */
    public void checkWrite(long position, int count) {
        if (position < 0 || position > Long.MAX_VALUE - count) {
            throw ErrnoException.of(Errno.INVAL);
        }
        // As Linux: a write of nothing changes nothing, so no size limit applies to it.
        if (count > 0) {
            checkGrowth(position + count);
        }
    }

    /** EFBIG past the largest file, ENOSPC past the MemFS's byte budget; a shrink always passes. */
    private void checkGrowth(long newLength) {
        if (newLength > MAX_SIZE) {
            throw ErrnoException.of(Errno.FBIG);
        }
        if (fs != null && newLength > length) {
            fs.budget().checkGrowth(newLength, newLength - length);
        }
    }

    private void extendTo(long end) {
        if (end > length) {
            resize(end);
        }
    }

    private void resize(long newLength) {
        if (fs != null) {
            fs.budget().count(newLength - length);
        }
        length = newLength;
    }

    /** Block {@code index}, or null where none is stored (a hole, or past the last block). */
    private byte[] blockAt(int index) {
        return index < blocks.length ? blocks[index] : null;
    }

    /** Block {@code index}, allocated or grown so that it holds {@code neededEnd} bytes. */
    private byte[] writableBlock(int index, int neededEnd) {
        if (index >= blocks.length) {
            byte[][] grown = new byte[Math.max(index + 1, blocks.length * 2)][];
            System.arraycopy(blocks, 0, grown, 0, blocks.length);
            blocks = grown;
        }
        byte[] block = blocks[index];
        if (block == null) {
            int size = index == 0 && blocks.length == 1 ? firstBlockSize(neededEnd) : BLOCK_SIZE;
            block = new byte[Math.max(size, neededEnd)];
            blocks[index] = block;
        } else if (block.length < neededEnd) {
            block = Arrays.copyOf(block, index == 0 ? firstBlockSize(neededEnd) : BLOCK_SIZE);
            blocks[index] = block;
        }
        return block;
    }

    /**
     * Appends restored bytes, uncounted: a restore checks each file against the size limit before
     * appending and counts the sizes of the whole snapshot once it is in place.
     */
    void appendRestored(byte[] source) {
        int index = (int) (length >>> BLOCK_SHIFT);
        int offset = (int) length & BLOCK_MASK;
        int done = 0;
        while (done < source.length) {
            int n = Math.min(source.length - done, BLOCK_SIZE - offset);
            System.arraycopy(source, done, writableBlock(index, offset + n), offset, n);
            done += n;
            index++;
            offset = 0;
        }
        length += source.length;
    }

    private static int firstBlockSize(int needed) {
        int size = MIN_FIRST_BLOCK;
        while (size < needed) {
            size <<= 1;
        }
        return Math.min(size, BLOCK_SIZE);
    }
}

package org.wasipolyfill.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.fs.ContentLoader;
import org.wasipolyfill.core.fs.FileData;
import org.wasipolyfill.core.fs.FileName;
import org.wasipolyfill.core.fs.FileNode;
import org.wasipolyfill.core.abi.ErrnoException;
import org.wasipolyfill.core.fs.MemFs;

/**
 * Lazy files: their bytes come from a loader the first time a read (by the guest or the host) or a
 * write reaches them, a run of at least 1 MiB at a time, and a failing loader is EIO.
 */
class LazyFileTest {
    private static final int MIB = 1 << 20;
    private static final int SIZE = 8 * MIB + 1000;

    private final GuestFixture g = new GuestFixture();
    private final byte[] source = pattern(SIZE);
    private final RecordingLoader loader = new RecordingLoader(source);

    private static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + (i >>> 11));
        }
        return bytes;
    }

    /** Answers each request from {@code source} and records it as "offset+length". */
    private static final class RecordingLoader implements ContentLoader {
        final byte[] source;
        final List<String> requests = new ArrayList<>();
        boolean failing;
        int shortBy;

        RecordingLoader(byte[] source) {
            this.source = source;
        }

        @Override
        public byte[] load(long offset, int length) {
            requests.add(offset + "+" + length);
            if (failing) {
                return null;
            }
            return Arrays.copyOfRange(source, (int) offset, (int) offset + length - shortBy);
        }
    }

    private int openLazy() {
        g.fs.createLazyFile("/sandbox/big", SIZE, loader);
        return g.open("big", 0);
    }

    private byte[] pread(int fd, long offset, int length) {
        assertEquals(Errno.SUCCESS, g.wasi.fdPread(fd, g.iovec(length), 1, offset, GuestFixture.OUT));
        byte[] got = new byte[g.memory.readI32(GuestFixture.OUT)];
        g.memory.read(GuestFixture.DATA, got, 0, got.length);
        return got;
    }

    @Test
    void aGuestReadLoadsOnlyTheMebibyteRunItReaches() {
        int fd = openLazy();
        assertEquals(List.of(), loader.requests);
        assertArrayEquals(Arrays.copyOfRange(source, 10, 4106), pread(fd, 10, 4096));
        assertArrayEquals(Arrays.copyOfRange(source, 6 * MIB + 5, 6 * MIB + 105), pread(fd, 6 * MIB + 5, 100));
        assertArrayEquals(Arrays.copyOfRange(source, 100, 200), pread(fd, 100, 200 - 100));
        assertEquals(List.of("0+" + MIB, 6 * MIB + "+" + MIB), loader.requests);
    }

    @Test
    void theLastRunEndsAtTheFilesSize() {
        int fd = openLazy();
        assertArrayEquals(Arrays.copyOfRange(source, SIZE - 300, SIZE), pread(fd, SIZE - 300, 4096));
        assertEquals(List.of(8 * MIB + "+1000"), loader.requests);
    }

    @Test
    void aReadLongerThanARunIsLoadedInOneRequest() {
        g.fs.createLazyFile("/sandbox/big", SIZE, loader);
        assertArrayEquals(source, g.fs.readFile("/sandbox/big"));
        assertEquals(List.of("0+" + SIZE), loader.requests);
        assertArrayEquals(source, g.fs.readFile("/sandbox/big"));
        assertEquals(1, loader.requests.size());
    }

    @Test
    void aFailingLoaderIsEioForTheGuestAndALaterReadAsksAgain() {
        int fd = openLazy();
        loader.failing = true;
        assertEquals(Errno.IO, g.wasi.fdPread(fd, g.iovec(10), 1, 0, GuestFixture.OUT));
        assertEquals(Errno.IO, g.wasi.fdRead(fd, g.iovec(10), 1, GuestFixture.OUT));
        loader.failing = false;
        assertArrayEquals(Arrays.copyOfRange(source, 0, 10), pread(fd, 0, 10));
        assertEquals(3, loader.requests.size());
    }

    @Test
    void aLoaderAnsweringTheWrongLengthIsEio() {
        loader.shortBy = 1;
        int fd = openLazy();
        assertEquals(Errno.IO, g.wasi.fdPread(fd, g.iovec(10), 1, 0, GuestFixture.OUT));
        assertEquals(Errno.IO, assertThrows(ErrnoException.class, () -> g.fs.readFile("/sandbox/big")).errno());
    }

    @Test
    void aWriteLoadsTheBlocksItTouchesSoTheirOtherBytesStay() {
        int fd = openLazy();
        g.memory.write(GuestFixture.DATA, new byte[] { 7, 7 }, 0, 2);
        assertEquals(Errno.SUCCESS, g.wasi.fdPwrite(fd, g.iovec(2), 1, 2 * MIB + 1, GuestFixture.OUT));
        byte[] expected = Arrays.copyOfRange(source, 2 * MIB, 2 * MIB + 8);
        expected[1] = 7;
        expected[2] = 7;
        assertArrayEquals(expected, pread(fd, 2 * MIB, 8));
        assertEquals(List.of(2 * MIB + "+" + MIB), loader.requests);
    }

    @Test
    void afterATruncationAndAnExtensionTheNewPartReadsZerosAndIsNeverAsked() {
        int fd = openLazy();
        assertEquals(Errno.SUCCESS, g.wasi.fdFilestatSetSize(fd, 100));
        assertEquals(Errno.SUCCESS, g.wasi.fdFilestatSetSize(fd, 3 * MIB));
        byte[] got = pread(fd, 0, 200);
        assertArrayEquals(Arrays.copyOfRange(source, 0, 100), Arrays.copyOfRange(got, 0, 100));
        assertArrayEquals(new byte[100], Arrays.copyOfRange(got, 100, 200));
        assertArrayEquals(new byte[10], pread(fd, 2 * MIB, 10));
        assertEquals(List.of("0+100"), loader.requests);
    }

    @Test
    void aTruncationToNothingLeavesNothingToAsk() {
        int fd = openLazy();
        assertEquals(Errno.SUCCESS, g.wasi.fdFilestatSetSize(fd, 0));
        assertEquals(Errno.SUCCESS, g.wasi.fdFilestatSetSize(fd, 10));
        assertArrayEquals(new byte[10], pread(fd, 0, 10));
        assertEquals(List.of(), loader.requests);
    }

    @Test
    void anAsynchronousHostCanFetchWhatIsMissingBeforeTheRead() {
        g.fs.createLazyFile("/sandbox/big", SIZE, loader);
        FileData data = ((FileNode) g.fs.directory("/sandbox").get(FileName.of("big"))).data();
        int[] run = data.missingRun(5 * MIB + 3, 10);
        assertArrayEquals(new int[] { 80, 80 + 16 }, run);
        long offset = FileData.runOffset(run[0]);
        data.supply(run[0], run[1], Arrays.copyOfRange(source, (int) offset, (int) offset + data.runLength(run[0], run[1])));
        assertEquals(null, data.missingRun(5 * MIB + 3, 10));
        byte[] got = new byte[10];
        data.read(5 * MIB + 3, got, 0, 10);
        assertArrayEquals(Arrays.copyOfRange(source, 5 * MIB + 3, 5 * MIB + 13), got);
        assertEquals(List.of(), loader.requests);
    }

    @Test
    void theWholeSizeCountsAgainstTheBudgetAtOnce() {
        MemFs small = new MemFs(new FakeClock(), 4 * MIB, 1L << 40);
        assertEquals(Errno.NOSPC, assertThrows(ErrnoException.class,
                () -> small.createLazyFile("/big", SIZE, loader)).errno());
        small.createLazyFile("/fits", 3 * MIB, loader);
        assertEquals(3 * MIB, small.usedBytes());
        assertEquals(List.of(), loader.requests);
    }

    @Test
    void statAndSeekAnswerFromTheSizeWithoutLoading() {
        int fd = openLazy();
        assertEquals(SIZE, g.fs.stat("/sandbox/big").size());
        assertEquals(Errno.SUCCESS, g.wasi.fdSeek(fd, 0, 2, GuestFixture.OUT));
        assertEquals(SIZE, g.memory.readI64(GuestFixture.OUT));
        assertEquals(List.of(), loader.requests);
    }
}

package org.wasipolyfill.core.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.ErrnoException;

class FileDataTest {

    @Test
    void appendsInOddChunksReadBackExactly() {
        FileData data = new FileData();
        byte[] expected = new byte[3 * FileData.BLOCK_SIZE + 1234];
        new Random(7).nextBytes(expected);
        int at = 0;
        int chunk = 1;
        while (at < expected.length) {
            int n = Math.min(chunk, expected.length - at);
            data.write(at, expected, at, n);
            at += n;
            chunk = chunk * 3 + 1;
        }
        assertEquals(expected.length, data.length());
        assertArrayEquals(expected, data.toByteArray());
    }

    @Test
    void writingPastTheEndLeavesAHoleOfZeros() {
        FileData data = new FileData();
        data.write(0, new byte[] {1, 2}, 0, 2);
        long far = 2L * FileData.BLOCK_SIZE + 5;
        data.write(far, new byte[] {9}, 0, 1);
        assertEquals(far + 1, data.length());
        byte[] all = data.toByteArray();
        assertEquals(1, all[0]);
        assertEquals(0, all[2]);
        assertEquals(0, all[FileData.BLOCK_SIZE + 17]);
        assertEquals(9, all[(int) far]);
    }

    @Test
    void shrinkingThenGrowingReadsZerosWhereDataWas() {
        FileData data = new FileData();
        byte[] ones = new byte[100];
        java.util.Arrays.fill(ones, (byte) 1);
        data.write(0, ones, 0, ones.length);
        data.setLength(10);
        data.setLength(100);
        byte[] all = data.toByteArray();
        assertEquals(1, all[9]);
        assertEquals(0, all[10]);
        assertEquals(0, all[99]);
    }

    @Test
    void readsStopAtTheEndOfFile() {
        FileData data = new FileData();
        data.write(0, new byte[] {1, 2, 3}, 0, 3);
        byte[] target = new byte[10];
        assertEquals(2, data.read(1, target, 0, 10));
        assertEquals(0, data.read(3, target, 0, 10));
        assertEquals(0, data.read(50, target, 0, 10));
    }

    @Test
    void shrinkingAFileGrownPastItsWrittenBytesKeepsThem() {
        FileData data = new FileData();
        data.write(0, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0, 10);
        data.setLength(1000);
        data.setLength(500);
        byte[] all = data.toByteArray();
        assertEquals(500, all.length);
        assertEquals(10, all[9]);
        assertEquals(0, all[10]);
    }

    @Test
    void shrinkingAnEmptyFileGrownWithoutWritesReadsZeros() {
        FileData data = new FileData();
        data.setLength(100000);
        data.setLength(50000);
        assertEquals(50000, data.length());
        assertArrayEquals(new byte[50000], data.toByteArray());
    }

    @Test
    void aShrinkInsideAShortFirstBlockDropsTheBytesPastIt() {
        FileData data = new FileData();
        data.write(0, new byte[] {1, 1, 1, 1}, 0, 4);
        data.setLength(2);
        data.setLength(4);
        assertArrayEquals(new byte[] {1, 1, 0, 0}, data.toByteArray());
    }

    @Test
    void writesEndingPast2To63AreEINVALAndPastTheLargestFileEFBIG() {
        FileData data = new FileData();
        byte[] four = {1, 2, 3, 4};
        assertEquals(Errno.INVAL, errnoOf(() -> data.write(Long.MAX_VALUE - 2, four, 0, 4)));
        assertEquals(Errno.FBIG, errnoOf(() -> data.write(Long.MAX_VALUE - 4, four, 0, 4)));
        assertEquals(Errno.FBIG, errnoOf(() -> data.setLength(Long.MAX_VALUE)));
        assertEquals(Errno.INVAL, errnoOf(() -> data.setLength(-1)));
        assertEquals(0, data.length());
    }

    @Test
    void aMemFsCountsFileSizesAgainstItsBudgetAndGetsThemBackWhenAFileIsGone() {
        MemFs fs = new MemFs(new org.wasipolyfill.core.FakeClock(), 100, 60);
        fs.writeFile("/a", new byte[50]);
        assertEquals(50, fs.usedBytes());
        assertEquals(Errno.FBIG, errnoOf(() -> fs.writeFile("/b", new byte[61])));
        assertEquals(Errno.NOSPC, errnoOf(() -> fs.writeFile("/b", new byte[51])));
        fs.writeFile("/b", new byte[50]);
        fs.unlink("/a");
        assertEquals(50, fs.usedBytes());
        fs.rename("/b", "/c");
        assertEquals(50, fs.usedBytes());
        fs.writeFile("/c", new byte[10]);
        assertEquals(10, fs.usedBytes());
    }

    private static int errnoOf(Runnable action) {
        try {
            action.run();
            return Errno.SUCCESS;
        } catch (ErrnoException e) {
            return e.errno();
        }
    }
}

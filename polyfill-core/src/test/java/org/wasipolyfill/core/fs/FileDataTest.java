package org.wasipolyfill.core.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

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
}

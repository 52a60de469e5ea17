package org.wasipolyfill.core.chicory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dylibso.chicory.runtime.ByteBufferMemory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import org.junit.jupiter.api.Test;
import org.wasipolyfill.core.memory.MemoryFault;

class ChicoryGuestMemoryTest {
    private static final int PAGE = 65536;

    private final ChicoryGuestMemory memory = new ChicoryGuestMemory(new ByteBufferMemory(new MemoryLimits(1, 2)));

    @Test
    void valuesAreLittleEndian() {
        memory.writeI64(8, 0x0102030405060708L);

        assertEquals(0x08, memory.readU8(8));
        assertEquals(0x0708, memory.readU16(8));
        assertEquals(0x05060708, memory.readI32(8));
        assertEquals(0x0102030405060708L, memory.readI64(8));
    }

    @Test
    void unsignedReadsDoNotSignExtend() {
        memory.writeU16(0, 0xFFFF);

        assertEquals(0xFF, memory.readU8(0));
        assertEquals(0xFFFF, memory.readU16(0));
    }

    @Test
    void bulkCopiesRespectTheJavaOffsets() {
        memory.write(100, new byte[] {9, 1, 2, 3, 9}, 1, 3);
        byte[] back = new byte[5];

        memory.read(99, back, 1, 4);

        assertArrayEquals(new byte[] {0, 0, 1, 2, 3}, back);
    }

    @Test
    void fillZeroes() {
        memory.write(10, new byte[] {1, 2, 3, 4}, 0, 4);

        memory.fill(11, 2);

        assertEquals(0x04000001, memory.readI32(10));
    }

    @Test
    void accessesUpToTheLastByteSucceed() {
        memory.writeI64(PAGE - 8, -1L);
        memory.read(PAGE, new byte[0], 0, 0);

        assertEquals(-1L, memory.readI64(PAGE - 8));
    }

    @Test
    void accessesStraddlingTheEndFaultWithCoreMemoryFault() {
        assertThrows(MemoryFault.class, () -> memory.readI32(PAGE - 2));
        assertThrows(MemoryFault.class, () -> memory.writeI64(PAGE - 4, 0));
        assertThrows(MemoryFault.class, () -> memory.read(PAGE - 1, new byte[2], 0, 2));
        assertThrows(MemoryFault.class, () -> memory.write(PAGE, new byte[1], 0, 1));
        assertThrows(MemoryFault.class, () -> memory.fill(PAGE - 1, 2));
    }

    @Test
    void addressesAboveTwoGibibytesAreUnsignedAndFault() {
        assertThrows(MemoryFault.class, () -> memory.readU8(0x8000_0000));
        assertThrows(MemoryFault.class, () -> memory.read(0xFFFF_FFFF, new byte[1], 0, 1));
    }

    @Test
    void sizeFollowsMemoryGrow() {
        ByteBufferMemory raw = new ByteBufferMemory(new MemoryLimits(1, 2));
        ChicoryGuestMemory grown = new ChicoryGuestMemory(raw);

        raw.grow(1);

        assertEquals(2L * PAGE, grown.size());
        grown.writeI32(2 * PAGE - 4, 7);
        assertEquals(7, grown.readI32(2 * PAGE - 4));
    }
}

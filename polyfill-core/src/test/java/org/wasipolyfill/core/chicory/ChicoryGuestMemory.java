package org.wasipolyfill.core.chicory;

import com.dylibso.chicory.runtime.Memory;
import java.util.Objects;
import org.wasipolyfill.core.memory.GuestMemory;

/**
 * {@link GuestMemory} over a Chicory {@link Memory}. Every access is checked here first, so a wild
 * guest pointer fails with the core's {@code MemoryFault} (which the host turns into a trap naming
 * the call) and never with Chicory's own {@code WasmRuntimeException}.
 *
 * <p>The size is re-read on each check because {@code memory.grow} can run between two calls.
 */
final class ChicoryGuestMemory implements GuestMemory {
    private final Memory memory;

    ChicoryGuestMemory(Memory memory) {
        this.memory = Objects.requireNonNull(memory, "the guest has no linear memory");
    }

    @Override
    public long size() {
        // long: 65536 pages of 64 KiB overflow an int.
        return (long) memory.pages() * Memory.PAGE_SIZE;
    }

    @Override
    public int readU8(int address) {
        checkRange(address, 1);
        return memory.read(address) & 0xFF;
    }

    @Override
    public int readU16(int address) {
        checkRange(address, 2);
        return memory.readShort(address) & 0xFFFF;
    }

    @Override
    public int readI32(int address) {
        checkRange(address, 4);
        return memory.readInt(address);
    }

    @Override
    public long readI64(int address) {
        checkRange(address, 8);
        return memory.readLong(address);
    }

    @Override
    public void writeU8(int address, int value) {
        checkRange(address, 1);
        memory.writeByte(address, (byte) value);
    }

    @Override
    public void writeU16(int address, int value) {
        checkRange(address, 2);
        memory.writeShort(address, (short) value);
    }

    @Override
    public void writeI32(int address, int value) {
        checkRange(address, 4);
        memory.writeI32(address, value);
    }

    @Override
    public void writeI64(int address, long value) {
        checkRange(address, 8);
        memory.writeLong(address, value);
    }

    /** Chicory has no read-into-array; {@code readBytes} is its one bulk read (page-wise copies). */
    @Override
    public void read(int address, byte[] target, int offset, int length) {
        checkRange(address, length);
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return;
        }
        System.arraycopy(memory.readBytes(address, length), 0, target, offset, length);
    }

    @Override
    public void write(int address, byte[] source, int offset, int length) {
        checkRange(address, length);
        Objects.checkFromIndexSize(offset, length, source.length);
        if (length == 0) {
            return;
        }
        memory.write(address, source, offset, length);
    }

    @Override
    public void fill(int address, int length) {
        checkRange(address, length);
        if (length == 0) {
            return;
        }
        // In range means address + length <= size <= RUNTIME_MAX_PAGES * 64 KiB < 2^31: no overflow.
        memory.fill((byte) 0, address, address + length);
    }
}

package org.wasipolyfill.core.memory;

import org.wasipolyfill.core.WasiTrap;

/** A guest pointer or length that reaches outside linear memory: the call must trap. */
public final class MemoryFault extends WasiTrap {

    private MemoryFault(String message) {
        super(message);
    }

    public static MemoryFault outOfBounds(int address, long length, long memorySize) {
        return new MemoryFault("out of bounds memory access: " + length + " bytes at 0x"
                + Long.toHexString(Integer.toUnsignedLong(address)) + " in linear memory of "
                + memorySize + " bytes");
    }
}

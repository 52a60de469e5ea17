package org.wasipolyfill.core.memory;

/**
 * The guest's linear memory as the syscall layer sees it. Addresses are wasm32 pointers: a Java
 * {@code int} read as unsigned. Every access is bounds-checked and a miss throws
 * {@link MemoryFault}, which the host turns into a trap naming the call.
 *
 * <p>Multi-byte values are little-endian. The bulk methods are the hot path: implementations copy
 * with one native operation (a typed-array {@code set}, {@code System.arraycopy}), never byte by
 * byte.
 */
public interface GuestMemory {

    /** The current size in bytes; it can grow between calls, never during one. */
    long size();

    int readU8(int address);

    int readU16(int address);

    int readI32(int address);

    long readI64(int address);

    void writeU8(int address, int value);

    void writeU16(int address, int value);

    void writeI32(int address, int value);

    void writeI64(int address, long value);

    /** Copies {@code length} guest bytes at {@code address} into {@code target[offset..]}. */
    void read(int address, byte[] target, int offset, int length);

    /** Copies {@code source[offset..offset+length]} into guest memory at {@code address}. */
    void write(int address, byte[] source, int offset, int length);

    /** Sets {@code length} guest bytes at {@code address} to zero. */
    void fill(int address, int length);

    /**
     * Fails with {@link MemoryFault} unless {@code [address, address+length)} is inside memory;
     * {@code length} is a u32, as the guest passes it. The common check, kept free of {@code long}
     * arithmetic, which is slow in the JS build.
     */
    default void checkRange(int address, int length) {
        checkRange(address, Integer.toUnsignedLong(length));
    }

    /** As {@link #checkRange(int, int)}, for a length computed in {@code long} (a negative one fails). */
    default void checkRange(int address, long length) {
        if (Integer.toUnsignedLong(address) + length > size() || length < 0) {
            throw MemoryFault.outOfBounds(address, length, size());
        }
    }
}

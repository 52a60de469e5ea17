package org.wasipolyfill.core.memory;

/** Guest memory held in a Java array: for JVM hosts and tests. */
public final class ByteArrayGuestMemory implements GuestMemory {
    private final byte[] bytes;

    public ByteArrayGuestMemory(byte[] bytes) {
        this.bytes = bytes;
    }

    public ByteArrayGuestMemory(int size) {
        this(new byte[size]);
    }

    public byte[] bytes() {
        return bytes;
    }

    @Override
    public long size() {
        return bytes.length;
    }

    private int at(int address, int length) {
        checkRange(address, length);
        return address;
    }

    @Override
    public int readU8(int address) {
        return bytes[at(address, 1)] & 0xFF;
    }

    @Override
    public int readU16(int address) {
        int a = at(address, 2);
        return (bytes[a] & 0xFF) | (bytes[a + 1] & 0xFF) << 8;
    }

    @Override
    public int readI32(int address) {
        int a = at(address, 4);
        return (bytes[a] & 0xFF) | (bytes[a + 1] & 0xFF) << 8 | (bytes[a + 2] & 0xFF) << 16
                | (bytes[a + 3] & 0xFF) << 24;
    }

    @Override
    public long readI64(int address) {
        checkRange(address, 8);
        return (readI32(address) & 0xFFFFFFFFL) | (long) readI32(address + 4) << 32;
    }

    @Override
    public void writeU8(int address, int value) {
        bytes[at(address, 1)] = (byte) value;
    }

    @Override
    public void writeU16(int address, int value) {
        int a = at(address, 2);
        bytes[a] = (byte) value;
        bytes[a + 1] = (byte) (value >>> 8);
    }

    @Override
    public void writeI32(int address, int value) {
        int a = at(address, 4);
        bytes[a] = (byte) value;
        bytes[a + 1] = (byte) (value >>> 8);
        bytes[a + 2] = (byte) (value >>> 16);
        bytes[a + 3] = (byte) (value >>> 24);
    }

    @Override
    public void writeI64(int address, long value) {
        checkRange(address, 8);
        writeI32(address, (int) value);
        writeI32(address + 4, (int) (value >>> 32));
    }

    @Override
    public void read(int address, byte[] target, int offset, int length) {
        System.arraycopy(bytes, at(address, length), target, offset, length);
    }

    @Override
    public void write(int address, byte[] source, int offset, int length) {
        System.arraycopy(source, offset, bytes, at(address, length), length);
    }

    @Override
    public void fill(int address, int length) {
        int a = at(address, length);
        java.util.Arrays.fill(bytes, a, a + length, (byte) 0);
    }
}

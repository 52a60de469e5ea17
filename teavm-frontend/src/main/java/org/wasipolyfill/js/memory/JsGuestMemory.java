package org.wasipolyfill.js.memory;

import org.teavm.jso.JSBody;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.DataView;
import org.teavm.jso.typedarrays.Int8Array;
import org.wasipolyfill.core.WasiTrap;
import org.wasipolyfill.core.memory.GuestMemory;
import org.wasipolyfill.core.memory.MemoryFault;

/**
 * {@link GuestMemory} over a {@code WebAssembly.Memory}. Scalars go through a little-endian
 * {@code DataView}, bulk copies through one typed-array {@code set} between the wasm buffer and
 * the {@code Int8Array} behind the Java {@code byte[]}.
 *
 * <p>{@code memory.grow} (by the guest, between two calls) detaches the old buffer, so each import
 * call first checks that the cached views are not detached ({@link #revalidate}) and they are
 * rebuilt only when they are; the accessors themselves only check bounds. Addresses
 * are u32 held in an int: the scripts read them with {@code >>> 0} and the bounds check adds in
 * double, which is exact up to 2^53, instead of in long (a BigInt in TeaVM's output, many
 * times slower).
 */
public final class JsGuestMemory implements GuestMemory {
    private static final double U32_RANGE = 4294967296.0;
    /**
     * Up to this many bytes (a path, a dirent, an 8-byte write) an indexed loop copies faster than
     * making a subarray for one typed-array {@code set}; the loop compiles to plain element access.
     */
    private static final int SMALL_COPY = 32;

    private WasmMemory memory;
    private ArrayBuffer buffer;
    private DataView view;
    private Int8Array bytes;
    private double byteLength;

    /** Binds the instance's exported memory; until then every access traps. */
    public void bind(WasmMemory exported) {
        this.memory = exported;
        this.buffer = null;
        this.bytes = null;
    }

    /** The bound {@code WebAssembly.Memory}, or null before {@link #bind}. */
    public WasmMemory exported() {
        return memory;
    }

    @Override
    public long size() {
        refresh();
        return (long) byteLength;
    }

    @Override
    public void checkRange(int address, int length) {
        if (buffer == null) {
            refresh();
        }
        // Both u32, added in double (exact): the unsigned views are written out here rather than
        // called, as a call per operand is what a guest access costs before V8 optimises it.
        double end = (address >= 0 ? address : address + U32_RANGE) + (length >= 0 ? length : length + U32_RANGE);
        if (end > byteLength && !grownTo(end)) {
            throw MemoryFault.outOfBounds(address, Integer.toUnsignedLong(length), (long) byteLength);
        }
    }

    @Override
    public void checkRange(int address, long length) {
        if (buffer == null) {
            refresh();
        }
        if (length < 0) {
            throw MemoryFault.outOfBounds(address, length, (long) byteLength);
        }
        double end = (address >= 0 ? address : address + U32_RANGE) + (double) length;
        if (end > byteLength && !grownTo(end)) {
            throw MemoryFault.outOfBounds(address, length, (long) byteLength);
        }
    }

    /**
     * Whether the memory now reaches {@code end}: a shared memory grows without detaching the
     * buffer that {@link #revalidate} watches, so an access past the cached end looks again.
     */
    private boolean grownTo(double end) {
        refresh();
        return end <= byteLength;
    }

    @Override
    public int readU8(int address) {
        checkRange(address, 1);
        return getUint8(view, address);
    }

    @Override
    public int readU16(int address) {
        checkRange(address, 2);
        return getUint16(view, address);
    }

    @Override
    public int readI32(int address) {
        checkRange(address, 4);
        return getInt32(view, address);
    }

    @Override
    public long readI64(int address) {
        checkRange(address, 8);
        return getInt64(view, address);
    }

    @Override
    public void writeU8(int address, int value) {
        checkRange(address, 1);
        setUint8(view, address, value);
    }

    @Override
    public void writeU16(int address, int value) {
        checkRange(address, 2);
        setUint16(view, address, value);
    }

    @Override
    public void writeI32(int address, int value) {
        checkRange(address, 4);
        setInt32(view, address, value);
    }

    @Override
    public void writeI64(int address, long value) {
        checkRange(address, 8);
        setInt64(view, address, value);
    }

    @Override
    public void read(int address, byte[] target, int offset, int length) {
        checkJavaRange(target, offset, length);
        checkRange(address, length);
        if (length <= SMALL_COPY && address >= 0) {
            Int8Array guest = bytes;
            for (int i = 0; i < length; i++) {
                target[offset + i] = guest.get(address + i);
            }
        } else {
            copyOut(bytes, address, Int8Array.fromJavaArray(target), offset, length);
        }
    }

    @Override
    public void write(int address, byte[] source, int offset, int length) {
        checkJavaRange(source, offset, length);
        checkRange(address, length);
        if (length <= SMALL_COPY && address >= 0) {
            Int8Array guest = bytes;
            for (int i = 0; i < length; i++) {
                guest.set(address + i, source[offset + i]);
            }
        } else {
            copyIn(Int8Array.fromJavaArray(source), offset, length, bytes, address);
        }
    }

    @Override
    public void fill(int address, int length) {
        checkRange(address, length);
        zero(bytes, address, length);
    }

    /**
     * Rebuilds the views if the guest grew its memory since the last import call. The import
     * wrappers call it once on entry; within a call the buffer cannot change (the guest is not
     * running), so the accessors only check bounds against the cached length. Growing detaches
     * the old buffer, which empties the cached view: its length, which engines read inline, tells
     * without the {@code memory.buffer} getter, a native call that costs Firefox as much as the
     * rest of a cheap import. Unbound, it does nothing: the first access then traps.
     */
    public void revalidate() {
        if (memory != null && (bytes == null || bytes.getLength() == 0)) {
            refresh();
        }
    }

    /** A bad Java range is a bug in the caller, not the guest's fault. */
    private static void checkJavaRange(byte[] array, int offset, int length) {
        if (offset < 0 || length < 0 || offset > array.length - length) {
            throw new IndexOutOfBoundsException("range [" + offset + ", +" + length + ") of a "
                    + array.length + "-byte array");
        }
    }

    private void refresh() {
        if (memory == null) {
            throw new WasiTrap("no linear memory is bound: call start(instance) first");
        }
        ArrayBuffer current = memory.getBuffer();
        if (!same(current, buffer)) {
            rebuild(current);
        }
    }

    private void rebuild(ArrayBuffer current) {
        buffer = current;
        view = new DataView(current);
        bytes = new Int8Array(current);
        byteLength = current.getByteLength();
    }

    @JSBody(params = { "a", "b" }, script = "return a === b;")
    private static native boolean same(ArrayBuffer a, ArrayBuffer b);

    @JSBody(params = { "v", "a" }, script = "return v.getUint8(a >>> 0);")
    private static native int getUint8(DataView v, int a);

    @JSBody(params = { "v", "a" }, script = "return v.getUint16(a >>> 0, true);")
    private static native int getUint16(DataView v, int a);

    @JSBody(params = { "v", "a" }, script = "return v.getInt32(a >>> 0, true);")
    private static native int getInt32(DataView v, int a);

    @JSBody(params = { "v", "a" }, script = "return v.getBigInt64(a >>> 0, true);")
    private static native long getInt64(DataView v, int a);

    @JSBody(params = { "v", "a", "x" }, script = "v.setUint8(a >>> 0, x);")
    private static native void setUint8(DataView v, int a, int x);

    @JSBody(params = { "v", "a", "x" }, script = "v.setUint16(a >>> 0, x, true);")
    private static native void setUint16(DataView v, int a, int x);

    @JSBody(params = { "v", "a", "x" }, script = "v.setInt32(a >>> 0, x, true);")
    private static native void setInt32(DataView v, int a, int x);

    @JSBody(params = { "v", "a", "x" }, script = "v.setBigInt64(a >>> 0, x, true);")
    private static native void setInt64(DataView v, int a, long x);

    @JSBody(params = { "guest", "a", "java", "offset", "length" },
            script = "a >>>= 0; java.set(guest.subarray(a, a + length), offset);")
    private static native void copyOut(Int8Array guest, int a, Int8Array java, int offset, int length);

    @JSBody(params = { "java", "offset", "length", "guest", "a" },
            script = "guest.set(java.subarray(offset, offset + length), a >>> 0);")
    private static native void copyIn(Int8Array java, int offset, int length, Int8Array guest, int a);

    @JSBody(params = { "guest", "a", "length" }, script = "a >>>= 0; guest.fill(0, a, a + length);")
    private static native void zero(Int8Array guest, int a, int length);
}

package org.wasipolyfill.browsertests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The two archives of issue 26, made in the test by streaming zeros through java.util.zip (nothing large is
 * committed): a .tar.gz and a zip64 .zip of one file of {@link #SIZE} zero bytes, some 7 MB each.
 */
final class HostileArchives {
    static final long SIZE = 1536L << 20;
    static final String NAME = "zeros.bin";
    private static final byte[] ZEROS = new byte[1 << 20];

    private HostileArchives() {}

    /** tar -c of zeros.bin | gzip -1. */
    static byte[] tarGz() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gzip.write(tarHeader());
            writeZeros(gzip);
            gzip.write(new byte[1024]);
        }
        return bytes.toByteArray();
    }

    private static byte[] tarHeader() {
        byte[] h = new byte[512];
        put(h, 0, NAME);
        put(h, 100, "0000644\0");
        put(h, 108, "0000000\0");
        put(h, 116, "0000000\0");
        put(h, 124, String.format("%011o\0", SIZE));
        put(h, 136, "14000000000\0");
        put(h, 156, "0");
        put(h, 257, "ustar\0" + "00");
        Arrays.fill(h, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o\0 ", sum));
        return h;
    }

    private static void put(byte[] header, int at, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, header, at, b.length);
    }

    private static void writeZeros(OutputStream out) throws IOException {
        for (long n = 0; n < SIZE; n += ZEROS.length) {
            out.write(ZEROS);
        }
    }

    /** One deflated entry whose sizes are in zip64 extra fields (local and central), with zip64 end records. */
    static byte[] zip64() throws IOException {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(Deflater.BEST_SPEED, true),
                1 << 16)) {
            writeZeros(out);
        }
        CRC32 crc = new CRC32();
        for (long n = 0; n < SIZE; n += ZEROS.length) {
            crc.update(ZEROS);
        }
        byte[] data = deflated.toByteArray();
        byte[] name = NAME.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer zip = ByteBuffer.allocate(30 + name.length + 20 + data.length + 46 + name.length + 20 + 56 + 20 + 22)
                .order(ByteOrder.LITTLE_ENDIAN);
        zip.putInt(0x04034b50).putShort((short) 45).putShort((short) 0).putShort((short) 8).putInt(0)
                .putInt((int) crc.getValue()).putInt(-1).putInt(-1).putShort((short) name.length).putShort((short) 20)
                .put(name);
        zip64Extra(zip, data.length);
        zip.put(data);
        int central = zip.position();
        zip.putInt(0x02014b50).putShort((short) (3 << 8 | 45)).putShort((short) 45).putShort((short) 0)
                .putShort((short) 8).putInt(0).putInt((int) crc.getValue()).putInt(-1).putInt(-1)
                .putShort((short) name.length).putShort((short) 20).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0).putInt(0100644 << 16).putInt(0).put(name);
        zip64Extra(zip, data.length);
        int centralSize = zip.position() - central;
        int end64 = zip.position();
        zip.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0).putLong(1)
                .putLong(1).putLong(centralSize).putLong(central);
        zip.putInt(0x07064b50).putInt(0).putLong(end64).putInt(1);
        zip.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) -1).putShort((short) -1)
                .putInt(-1).putInt(-1).putShort((short) 0);
        return zip.array();
    }

    private static void zip64Extra(ByteBuffer zip, long compressed) {
        zip.putShort((short) 1).putShort((short) 16).putLong(SIZE).putLong(compressed);
    }
}

package org.wasipolyfill.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.EventType;
import org.wasipolyfill.core.abi.Layout;
import org.wasipolyfill.core.abi.LookupFlags;
import org.wasipolyfill.core.abi.Rights;
import org.wasipolyfill.core.abi.UnstableLayout;
import org.wasipolyfill.core.abi.UnstableWhence;
import org.wasipolyfill.core.memory.ByteArrayGuestMemory;
import org.wasipolyfill.core.memory.MemoryFault;

/**
 * {@link Unstable} against the {@link Preview1} it converts: each snapshot-0 answer is the preview1
 * answer in the snapshot-0 layout.
 *
 * <pre>
 * /sandbox (fd 3)
 * └── data.txt   "0123456789"
 * </pre>
 */
class UnstableTest {
    private static final int PATH = 0x100;
    private static final int OUT = 0x200;
    private static final int P1_BUF = 0x300;
    private static final int P0_BUF = 0x400;
    private static final int SUBS = 0x1000;
    private static final int EVENTS = 0x2000;
    private static final int SIZE = 0x10000;

    private ByteArrayGuestMemory memory;
    private Preview1Calls preview1;
    private UnstableCalls unstable;
    private int fd;

    @BeforeEach
    void setUp() {
        WasiConfig config = WasiConfig.builder().clock(new FakeClock()).random((m, a, l) -> { })
                .preopen("/sandbox", "/").build();
        config.fs().writeFile("/data.txt", "0123456789".getBytes(StandardCharsets.US_ASCII));
        Preview1 core = new Preview1(config);
        memory = new ByteArrayGuestMemory(SIZE);
        core.bindMemory(memory);
        preview1 = new Preview1Calls(core);
        unstable = new UnstableCalls(new Unstable(core));
        int pathLen = putPath("data.txt");
        assertEquals(Errno.SUCCESS, preview1.pathOpen(3, 0, PATH, pathLen, 0, Rights.FD_READ | Rights.FD_SEEK
                | Rights.FD_TELL | Rights.FD_FILESTAT_GET, 0, 0, OUT));
        fd = memory.readI32(OUT);
    }

    @Test
    void fdSeekNumbersWhenceCurEndSet() {
        assertEquals(Errno.SUCCESS, unstable.fdSeek(fd, 3, UnstableWhence.SET, OUT));
        assertEquals(3, memory.readI64(OUT));
        assertEquals(Errno.SUCCESS, unstable.fdSeek(fd, 2, UnstableWhence.CUR, OUT));
        assertEquals(5, memory.readI64(OUT));
        assertEquals(Errno.SUCCESS, unstable.fdSeek(fd, -1, UnstableWhence.END, OUT));
        assertEquals(9, memory.readI64(OUT));
        assertEquals(Errno.SUCCESS, unstable.fdSeek(fd, 0, UnstableWhence.CUR, OUT));
        assertEquals(9, memory.readI64(OUT));
    }

    @Test
    void fdSeekRefusesAWhenceNeitherAbiDefines() {
        assertEquals(Errno.INVAL, unstable.fdSeek(fd, 0, 3, OUT));
        assertEquals(Errno.INVAL, unstable.fdSeek(fd, 0, 255, OUT));
    }

    @Test
    void fdFilestatGetIsPreview1sFilestatWithA32BitNlink() {
        assertEquals(Errno.SUCCESS, preview1.fdFilestatGet(fd, P1_BUF));
        Arrays.fill(memory.bytes(), P0_BUF, P0_BUF + 64, (byte) 0xAA);
        assertEquals(Errno.SUCCESS, unstable.fdFilestatGet(fd, P0_BUF));
        assertSameStat(P1_BUF, P0_BUF);
        assertEquals(10, memory.readI64(P0_BUF + UnstableLayout.FILESTAT_SIZE_FIELD));
        assertEquals(1, memory.readI32(P0_BUF + UnstableLayout.FILESTAT_NLINK));
    }

    @Test
    void fdFilestatGetOfStdoutIsACharacterDeviceWithNothingElse() {
        Arrays.fill(memory.bytes(), P0_BUF, P0_BUF + 64, (byte) 0xAA);
        assertEquals(Errno.SUCCESS, unstable.fdFilestatGet(1, P0_BUF));
        byte[] expected = new byte[UnstableLayout.FILESTAT_SIZE];
        expected[UnstableLayout.FILESTAT_FILETYPE] = 2;
        assertArrayEquals(expected, Arrays.copyOfRange(memory.bytes(), P0_BUF, P0_BUF + 56));
        assertEquals((byte) 0xAA, memory.bytes()[P0_BUF + 56]);
    }

    @Test
    void pathFilestatGetIsPreview1sFilestatWithA32BitNlink() {
        int pathLen = putPath("data.txt");
        assertEquals(Errno.SUCCESS, preview1.pathFilestatGet(3, LookupFlags.SYMLINK_FOLLOW, PATH, pathLen, P1_BUF));
        Arrays.fill(memory.bytes(), P0_BUF, P0_BUF + 64, (byte) 0xAA);
        assertEquals(Errno.SUCCESS, unstable.pathFilestatGet(3, LookupFlags.SYMLINK_FOLLOW, PATH, pathLen, P0_BUF));
        assertSameStat(P1_BUF, P0_BUF);
    }

    @Test
    void pathFilestatGetAnswersPreview1sErrno() {
        int pathLen = putPath("missing");
        assertEquals(Errno.NOENT, unstable.pathFilestatGet(3, 0, PATH, pathLen, P0_BUF));
        assertEquals(Errno.BADF, unstable.pathFilestatGet(77, 0, PATH, pathLen, P0_BUF));
        assertEquals(Errno.BADF, unstable.fdFilestatGet(77, P0_BUF));
    }

    @Test
    void aFilestatEndingAtTheEndOfMemoryFitsIn56Bytes() {
        int last = SIZE - UnstableLayout.FILESTAT_SIZE;
        assertEquals(Errno.SUCCESS, unstable.fdFilestatGet(fd, last));
        assertEquals(10, memory.readI64(last + UnstableLayout.FILESTAT_SIZE_FIELD));
        assertThrows(MemoryFault.class, () -> unstable.fdFilestatGet(fd, last + 1));
    }

    @Test
    void subscriptionsConvertToPreview1sLayout() {
        byte[] p0 = new byte[2 * UnstableLayout.SUBSCRIPTION_SIZE];
        ByteBuffer in = ByteBuffer.wrap(p0).order(ByteOrder.LITTLE_ENDIAN);
        clock(in, 0, 0x1111, 0x2222, 1, 5_000, 7, 1);
        fdSubscription(in, UnstableLayout.SUBSCRIPTION_SIZE, 0x3333, EventType.FD_WRITE, 42);
        byte[] p1 = new byte[2 * Layout.SUBSCRIPTION_SIZE];

        assertEquals(96, Unstable.toPreview1Subscriptions(p0, p1, 2));

        ByteBuffer out = ByteBuffer.wrap(p1).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x1111, out.getLong(Layout.SUBSCRIPTION_USERDATA));
        assertEquals(EventType.CLOCK, out.get(Layout.SUBSCRIPTION_TAG));
        assertEquals(1, out.getInt(Layout.SUBSCRIPTION_CLOCK_ID));
        assertEquals(5_000, out.getLong(Layout.SUBSCRIPTION_CLOCK_TIMEOUT));
        assertEquals(7, out.getLong(Layout.SUBSCRIPTION_CLOCK_PRECISION));
        assertEquals(1, out.getShort(Layout.SUBSCRIPTION_CLOCK_FLAGS));
        int second = Layout.SUBSCRIPTION_SIZE;
        assertEquals(0x3333, out.getLong(second + Layout.SUBSCRIPTION_USERDATA));
        assertEquals(EventType.FD_WRITE, out.get(second + Layout.SUBSCRIPTION_TAG));
        assertEquals(42, out.getInt(second + Layout.SUBSCRIPTION_FD));
    }

    @Test
    void pollOneoffReportsEachSubscriptionsUserdataAndRestoresTheSubscriptions() {
        ByteBuffer in = ByteBuffer.wrap(memory.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        clock(in, SUBS, 0x1111, 0x2222, 1, 1_000_000_000L, 0, 0);
        fdSubscription(in, SUBS + UnstableLayout.SUBSCRIPTION_SIZE, 0x3333, EventType.FD_WRITE, 1);
        byte[] before = Arrays.copyOfRange(memory.bytes(), SUBS, SUBS + 2 * UnstableLayout.SUBSCRIPTION_SIZE);

        assertEquals(Errno.SUCCESS, unstable.pollOneoff(SUBS, EVENTS, 2, OUT));

        assertEquals(1, memory.readI32(OUT));
        assertEquals(0x3333, memory.readI64(EVENTS + Layout.EVENT_USERDATA));
        assertEquals(Errno.SUCCESS, memory.readU16(EVENTS + Layout.EVENT_ERROR));
        assertEquals(EventType.FD_WRITE, memory.readU8(EVENTS + Layout.EVENT_TYPE));
        assertArrayEquals(before, Arrays.copyOfRange(memory.bytes(), SUBS, SUBS + before.length));
    }

    @Test
    void pollOneoffOnAClockAloneWaitsAndReportsItsUserdataNotItsIdentifier() {
        ByteBuffer in = ByteBuffer.wrap(memory.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        clock(in, SUBS, 0x1111, 0x2222, 1, 5_000, 0, 0);

        assertEquals(Errno.SUCCESS, unstable.pollOneoff(SUBS, EVENTS, 1, OUT));

        assertEquals(1, memory.readI32(OUT));
        assertEquals(0x1111, memory.readI64(EVENTS + Layout.EVENT_USERDATA));
        assertEquals(EventType.CLOCK, memory.readU8(EVENTS + Layout.EVENT_TYPE));
        assertEquals(Errno.SUCCESS, memory.readU16(EVENTS + Layout.EVENT_ERROR));
    }

    @Test
    void pollOneoffWithoutSubscriptionsIsEINVAL() {
        assertEquals(Errno.INVAL, unstable.pollOneoff(SUBS, EVENTS, 0, OUT));
        assertEquals(0, memory.readI32(OUT));
    }

    @Test
    void pollOneoffTrapsWhenTheSnapshot0SubscriptionsLeaveMemory() {
        // 2 preview1 subscriptions (96 bytes) would fit; 2 snapshot-0 ones (112) do not.
        int in = SIZE - 100;
        assertThrows(MemoryFault.class, () -> unstable.pollOneoff(in, EVENTS, 2, OUT));
    }

    /** Every field of the 64-byte preview1 filestat at p1, as the 56-byte snapshot-0 one at p0. */
    private void assertSameStat(int p1, int p0) {
        assertEquals(memory.readI64(p1 + Layout.FILESTAT_DEV), memory.readI64(p0 + UnstableLayout.FILESTAT_DEV));
        assertEquals(memory.readI64(p1 + Layout.FILESTAT_INO), memory.readI64(p0 + UnstableLayout.FILESTAT_INO));
        assertEquals(memory.readU8(p1 + Layout.FILESTAT_FILETYPE), memory.readU8(p0 + UnstableLayout.FILESTAT_FILETYPE));
        assertEquals(memory.readI64(p1 + Layout.FILESTAT_NLINK),
                Integer.toUnsignedLong(memory.readI32(p0 + UnstableLayout.FILESTAT_NLINK)));
        assertEquals(memory.readI64(p1 + Layout.FILESTAT_SIZE_FIELD), memory.readI64(p0 + UnstableLayout.FILESTAT_SIZE_FIELD));
        assertEquals(memory.readI64(p1 + Layout.FILESTAT_ATIM), memory.readI64(p0 + UnstableLayout.FILESTAT_ATIM));
        assertEquals(memory.readI64(p1 + Layout.FILESTAT_MTIM), memory.readI64(p0 + UnstableLayout.FILESTAT_MTIM));
        assertEquals(memory.readI64(p1 + Layout.FILESTAT_CTIM), memory.readI64(p0 + UnstableLayout.FILESTAT_CTIM));
        // The padding is zero and nothing past the 56 bytes is touched.
        for (int pad = UnstableLayout.FILESTAT_FILETYPE + 1; pad < UnstableLayout.FILESTAT_NLINK; pad++) {
            assertEquals(0, memory.readU8(p0 + pad));
        }
        assertEquals(0xAA, memory.readU8(p0 + UnstableLayout.FILESTAT_SIZE));
    }

    private int putPath(String path) {
        byte[] bytes = path.getBytes(StandardCharsets.US_ASCII);
        memory.write(PATH, bytes, 0, bytes.length);
        return bytes.length;
    }

    private static void clock(ByteBuffer b, int at, long userdata, long identifier, int id, long timeout,
            long precision, int flags) {
        b.putLong(at + UnstableLayout.SUBSCRIPTION_USERDATA, userdata);
        b.put(at + UnstableLayout.SUBSCRIPTION_TAG, (byte) EventType.CLOCK);
        b.putLong(at + UnstableLayout.SUBSCRIPTION_CLOCK_IDENTIFIER, identifier);
        b.putInt(at + UnstableLayout.SUBSCRIPTION_CLOCK_ID, id);
        b.putLong(at + UnstableLayout.SUBSCRIPTION_CLOCK_TIMEOUT, timeout);
        b.putLong(at + UnstableLayout.SUBSCRIPTION_CLOCK_PRECISION, precision);
        b.putShort(at + UnstableLayout.SUBSCRIPTION_CLOCK_FLAGS, (short) flags);
    }

    private static void fdSubscription(ByteBuffer b, int at, long userdata, int type, int fd) {
        b.putLong(at + UnstableLayout.SUBSCRIPTION_USERDATA, userdata);
        b.put(at + UnstableLayout.SUBSCRIPTION_TAG, (byte) type);
        b.putInt(at + UnstableLayout.SUBSCRIPTION_FD, fd);
    }
}

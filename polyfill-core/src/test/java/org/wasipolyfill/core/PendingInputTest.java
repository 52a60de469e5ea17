package org.wasipolyfill.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wasipolyfill.core.abi.ClockId;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.EventType;
import org.wasipolyfill.core.abi.Layout;
import org.wasipolyfill.core.abi.UnstableLayout;
import org.wasipolyfill.core.memory.ByteArrayGuestMemory;

/**
 * The "not ready yet" shape a suspending host drives: fd_read and poll_oneoff on a stdin that can
 * be pending, asked for first (fdReadPending, pollOneoffPlan), then called once nothing is pending.
 */
class PendingInputTest {
    private static final int IOVS = 0x100;
    private static final int DATA = 0x200;
    private static final int OUT = 0x400;
    private static final int SUBS = 0x1000;
    private static final int EVENTS = 0x2000;
    private static final long SECOND = 1_000_000_000L;

    /** Chunks the test hands over, as a host's asynchronous stdin would when they arrive. */
    static class QueuedInput implements InputSource, Pending {
        final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
        byte[] chunk = new byte[0];
        int position;
        boolean ended;

        void arrive(String text) {
            chunks.add(text.getBytes(StandardCharsets.UTF_8));
        }

        private void take() {
            if (position == chunk.length && !chunks.isEmpty()) {
                chunk = chunks.poll();
                position = 0;
            }
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            take();
            int n = Math.min(length, chunk.length - position);
            if (n == 0 && !ended) {
                throw new IllegalStateException("read while pending");
            }
            System.arraycopy(chunk, position, target, offset, n);
            position += n;
            return n;
        }

        @Override
        public Pending pending() {
            take();
            return position < chunk.length || ended ? null : this;
        }

        @Override
        public int buffered() {
            take();
            return chunk.length - position;
        }
    }

    /**
     * A stdin a blocking host feeds (a Worker's): its wait lets {@code arrivesAfter} nanoseconds pass on
     * the clock, or the whole timeout when the chunk comes later, as Atomics.wait on the slot would.
     */
    final class BlockingInput extends QueuedInput {
        long arrivesAfter = Long.MAX_VALUE;
        long waited = -1;

        @Override
        public boolean waitReady(long timeoutNanos) {
            waited = timeoutNanos;
            if (arrivesAfter > timeoutNanos) {
                clock.sleep(timeoutNanos);
                arrivesAfter -= timeoutNanos;
                return false;
            }
            clock.sleep(arrivesAfter);
            arrive("late");
            return true;
        }
    }

    private final FakeClock clock = new FakeClock();
    private final QueuedInput stdin = new QueuedInput();
    private final ByteArrayGuestMemory memory = new ByteArrayGuestMemory(0x10000);
    private Preview1 wasi;

    @BeforeEach
    void setUp() {
        wasi = new Preview1(WasiConfig.builder().clock(clock).random((m, a, n) -> { }).stdin(stdin)
                .preopen("/sandbox", "/").build());
        wasi.bindMemory(memory);
    }

    @Test
    void aReadOfStdinIsPendingUntilAChunkArrivesThenReadsIt() {
        iovec(16);
        assertSame(stdin, wasi.fdReadPending(0, IOVS, 1));
        stdin.arrive("hi\n");
        assertNull(wasi.fdReadPending(0, IOVS, 1));
        assertEquals(Errno.SUCCESS, wasi.fdRead(0, IOVS, 1, OUT));
        assertEquals(3, memory.readI32(OUT));
        assertEquals("hi\n", text(DATA, 3));
        assertSame(stdin, wasi.fdReadPending(0, IOVS, 1));
    }

    @Test
    void aReadIntoSeveralIovecsStopsWhereTheBufferedBytesEnd() {
        // wasi-libc's stdio reads into two iovecs: the caller's buffer, then the FILE's.
        memory.writeI32(IOVS, DATA);
        memory.writeI32(IOVS + 4, 4);
        memory.writeI32(IOVS + 8, DATA + 16);
        memory.writeI32(IOVS + 12, 64);
        stdin.arrive("abcd");
        assertNull(wasi.fdReadPending(0, IOVS, 2));
        assertEquals(Errno.SUCCESS, wasi.fdRead(0, IOVS, 2, OUT));
        assertEquals(4, memory.readI32(OUT));
        assertEquals("abcd", text(DATA, 4));
        assertSame(stdin, wasi.fdReadPending(0, IOVS, 2));
    }

    @Test
    void endOfInputIsNotPendingAndReadsNothing() {
        iovec(16);
        stdin.ended = true;
        assertNull(wasi.fdReadPending(0, IOVS, 1));
        assertEquals(Errno.SUCCESS, wasi.fdRead(0, IOVS, 1, OUT));
        assertEquals(0, memory.readI32(OUT));
    }

    @Test
    void readsThatCompleteAtOnceAreNeverPending() {
        iovec(0);
        assertNull(wasi.fdReadPending(0, IOVS, 1), "a read of nothing");
        iovec(16);
        assertNull(wasi.fdReadPending(1, IOVS, 1), "stdout: EBADF, from the call itself");
        assertNull(wasi.fdReadPending(99, IOVS, 1), "a closed fd");
        assertNull(wasi.fdReadPending(0, 0xFFFF0, 1), "a wild iovec array: the call traps");
        assertNull(wasi.fdReadPending(3, IOVS, 1), "a directory");
    }

    @Test
    void pollOnStdinAloneWaitsForTheInputAndReportsItsBufferedBytes() {
        fdRead(SUBS, 7, 0);
        PollWait wait = wasi.pollOneoffPlan(SUBS, EVENTS, 1);
        assertNotNull(wait);
        assertSame(stdin, wait.input());
        assertEquals(PollWait.NO_DEADLINE, wait.deadlineNanos());

        stdin.arrive("abcd");
        assertNull(wasi.pollOneoffPlan(SUBS, EVENTS, 1));
        assertEquals(Errno.SUCCESS, wasi.pollOneoff(SUBS, EVENTS, 1, OUT));
        assertEquals(1, memory.readI32(OUT));
        assertEquals(7, memory.readI64(EVENTS + Layout.EVENT_USERDATA));
        assertEquals(EventType.FD_READ, memory.readU8(EVENTS + Layout.EVENT_TYPE));
        assertEquals(4, memory.readI64(EVENTS + Layout.EVENT_FD_NBYTES));
    }

    @Test
    void aRelativeTimeoutIsMeasuredFromTheFirstPlanNotReArmedByRetries() {
        fdRead(SUBS, 1, 0);
        relativeClock(SUBS + Layout.SUBSCRIPTION_SIZE, 2, SECOND);
        PollWait first = wasi.pollOneoffPlan(SUBS, EVENTS, 2);
        long deadline = first.deadlineNanos();
        assertSame(stdin, first.input());
        assertEquals(SECOND, deadline - clock.monotonicNanos(), 10_000);

        clock.sleep(SECOND / 2);
        assertEquals(deadline, wasi.pollOneoffPlan(SUBS, EVENTS, 2).deadlineNanos());

        clock.sleep(SECOND / 2);
        assertNull(wasi.pollOneoffPlan(SUBS, EVENTS, 2));
        assertEquals(Errno.SUCCESS, wasi.pollOneoff(SUBS, EVENTS, 2, OUT));
        assertEquals(1, memory.readI32(OUT), "the clock alone: stdin has nothing");
        assertEquals(2, memory.readI64(EVENTS + Layout.EVENT_USERDATA));
        assertEquals(EventType.CLOCK, memory.readU8(EVENTS + Layout.EVENT_TYPE));
        assertEquals(Errno.SUCCESS, memory.readU16(EVENTS + Layout.EVENT_ERROR));

        // A new poll with the same subscriptions is armed afresh.
        assertEquals(SECOND, wasi.pollOneoffPlan(SUBS, EVENTS, 2).deadlineNanos() - clock.monotonicNanos(), 10_000);
    }

    @Test
    void inputBeforeTheTimeoutIsReportedAloneAndTheClockIsNot() {
        fdRead(SUBS, 1, 0);
        relativeClock(SUBS + Layout.SUBSCRIPTION_SIZE, 2, SECOND);
        assertNotNull(wasi.pollOneoffPlan(SUBS, EVENTS, 2));
        clock.sleep(SECOND / 10);
        stdin.arrive("x");
        assertNull(wasi.pollOneoffPlan(SUBS, EVENTS, 2));
        assertEquals(Errno.SUCCESS, wasi.pollOneoff(SUBS, EVENTS, 2, OUT));
        assertEquals(1, memory.readI32(OUT));
        assertEquals(1, memory.readI64(EVENTS + Layout.EVENT_USERDATA));
        assertEquals(EventType.FD_READ, memory.readU8(EVENTS + Layout.EVENT_TYPE));
        assertEquals(1, memory.readI64(EVENTS + Layout.EVENT_FD_NBYTES));
    }

    @Test
    void aClockAlonePlansItsDeadlineAndAnExpiredOneIsReady() {
        relativeClock(SUBS, 5, SECOND / 1000);
        PollWait wait = wasi.pollOneoffPlan(SUBS, EVENTS, 1);
        assertNull(wait.input());
        assertEquals(SECOND / 1000, wait.deadlineNanos() - clock.monotonicNanos(), 10_000);
        relativeClock(SUBS + Layout.SUBSCRIPTION_SIZE, 6, 0);
        assertNull(wasi.pollOneoffPlan(SUBS + Layout.SUBSCRIPTION_SIZE, EVENTS, 1), "a zero timeout");
    }

    @Test
    void pollsPlannedAtOnceByTwoThreadsKeepTheirOwnDeadlines() {
        int other = SUBS + 4 * Layout.SUBSCRIPTION_SIZE;
        relativeClock(SUBS, 1, SECOND);
        relativeClock(other, 2, 2 * SECOND);
        long first = wasi.pollOneoffPlan(SUBS, EVENTS, 1).deadlineNanos();
        long second = wasi.pollOneoffPlan(other, EVENTS + 0x100, 1).deadlineNanos();
        assertEquals(SECOND, second - first, 10_000);
        clock.sleep(SECOND / 2);
        assertEquals(first, wasi.pollOneoffPlan(SUBS, EVENTS, 1).deadlineNanos(), "not re-armed by the other's plan");
        assertEquals(second, wasi.pollOneoffPlan(other, EVENTS + 0x100, 1).deadlineNanos());
        clock.sleep(SECOND / 2);
        assertNull(wasi.pollOneoffPlan(SUBS, EVENTS, 1));
        assertEquals(Errno.SUCCESS, wasi.pollOneoff(SUBS, EVENTS, 1, OUT));
        assertEquals(1, memory.readI32(OUT));
        assertEquals(second, wasi.pollOneoffPlan(other, EVENTS + 0x100, 1).deadlineNanos(), "the other still waits");
    }

    @Test
    void subscriptionsThatAnswerAtOnceAreReady() {
        fdRead(SUBS, 1, 1);
        assertNull(wasi.pollOneoffPlan(SUBS, EVENTS, 1), "fd_read on stdout: EBADF from the call");
        fdRead(SUBS, 1, 42);
        assertNull(wasi.pollOneoffPlan(SUBS, EVENTS, 1), "a closed fd");
        assertNull(wasi.pollOneoffPlan(SUBS, EVENTS, 0), "no subscriptions: EINVAL from the call");
        assertNull(wasi.pollOneoffPlan(0xFFF0, EVENTS, 2), "out of memory: the call traps");
        fdRead(SUBS, 1, 0);
        memory.writeU8(SUBS + Layout.SUBSCRIPTION_SIZE + Layout.SUBSCRIPTION_TAG, EventType.FD_WRITE);
        memory.writeI32(SUBS + Layout.SUBSCRIPTION_SIZE + Layout.SUBSCRIPTION_FD, 1);
        assertNull(wasi.pollOneoffPlan(SUBS, EVENTS, 2), "stdout is writable");
    }

    @Test
    void unstablePlansItsOwnLayoutAndLeavesTheGuestsBytes() {
        Unstable unstable = new Unstable(wasi);
        int at = SUBS;
        memory.writeI64(at + UnstableLayout.SUBSCRIPTION_USERDATA, 9);
        memory.writeU8(at + UnstableLayout.SUBSCRIPTION_TAG, EventType.CLOCK);
        memory.writeI64(at + UnstableLayout.SUBSCRIPTION_CLOCK_IDENTIFIER, 0x77);
        memory.writeI32(at + UnstableLayout.SUBSCRIPTION_CLOCK_ID, ClockId.MONOTONIC);
        memory.writeI64(at + UnstableLayout.SUBSCRIPTION_CLOCK_TIMEOUT, SECOND);
        byte[] before = new byte[UnstableLayout.SUBSCRIPTION_SIZE];
        memory.read(at, before, 0, before.length);

        PollWait wait = unstable.pollOneoffPlan(at, EVENTS, 1);
        assertEquals(SECOND, wait.deadlineNanos() - clock.monotonicNanos(), 10_000);
        byte[] after = new byte[before.length];
        memory.read(at, after, 0, after.length);
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(after));

        clock.sleep(SECOND);
        assertNull(unstable.pollOneoffPlan(at, EVENTS, 1));
        assertEquals(Errno.SUCCESS, unstable.pollOneoff(at, EVENTS, 1, OUT));
        assertEquals(9, memory.readI64(EVENTS + Layout.EVENT_USERDATA));
    }

    @Test
    void aBlockingHostsPollWaitsOnTheInputUntilTheTimeoutAndReportsTheClock() {
        BlockingInput blocking = blockingWasi();
        fdRead(SUBS, 1, 0);
        relativeClock(SUBS + Layout.SUBSCRIPTION_SIZE, 2, SECOND);
        long before = clock.monotonicNanos();
        assertEquals(Errno.SUCCESS, wasi.pollOneoff(SUBS, EVENTS, 2, OUT));
        assertEquals(SECOND, blocking.waited, 10_000);
        assertEquals(SECOND, clock.monotonicNanos() - before, 10_000);
        assertEquals(1, memory.readI32(OUT), "the clock alone: stdin has nothing");
        assertEquals(2, memory.readI64(EVENTS + Layout.EVENT_USERDATA));
    }

    @Test
    void aBlockingHostsPollReportsInputThatComesBeforeTheTimeout() {
        BlockingInput blocking = blockingWasi();
        blocking.arrivesAfter = SECOND / 4;
        fdRead(SUBS, 1, 0);
        relativeClock(SUBS + Layout.SUBSCRIPTION_SIZE, 2, SECOND);
        assertEquals(Errno.SUCCESS, wasi.pollOneoff(SUBS, EVENTS, 2, OUT));
        assertEquals(1, memory.readI32(OUT));
        assertEquals(1, memory.readI64(EVENTS + Layout.EVENT_USERDATA));
        assertEquals(EventType.FD_READ, memory.readU8(EVENTS + Layout.EVENT_TYPE));
        assertEquals(4, memory.readI64(EVENTS + Layout.EVENT_FD_NBYTES));
    }

    @Test
    void aBlockingHostsUnstablePollWaitsOnTheInputToo() {
        BlockingInput blocking = blockingWasi();
        blocking.arrivesAfter = SECOND / 4;
        Unstable unstable = new Unstable(wasi);
        int clockAt = SUBS + UnstableLayout.SUBSCRIPTION_SIZE;
        memory.fill(SUBS, 2 * UnstableLayout.SUBSCRIPTION_SIZE);
        memory.writeI64(SUBS + UnstableLayout.SUBSCRIPTION_USERDATA, 1);
        memory.writeU8(SUBS + UnstableLayout.SUBSCRIPTION_TAG, EventType.FD_READ);
        memory.writeI64(clockAt + UnstableLayout.SUBSCRIPTION_USERDATA, 2);
        memory.writeU8(clockAt + UnstableLayout.SUBSCRIPTION_TAG, EventType.CLOCK);
        memory.writeI32(clockAt + UnstableLayout.SUBSCRIPTION_CLOCK_ID, ClockId.MONOTONIC);
        memory.writeI64(clockAt + UnstableLayout.SUBSCRIPTION_CLOCK_TIMEOUT, SECOND);
        assertEquals(Errno.SUCCESS, unstable.pollOneoff(SUBS, EVENTS, 2, OUT));
        assertEquals(SECOND, blocking.waited, 10_000);
        assertEquals(1, memory.readI32(OUT));
        assertEquals(1, memory.readI64(EVENTS + Layout.EVENT_USERDATA));
        assertEquals(EventType.FD_READ, memory.readU8(EVENTS + Layout.EVENT_TYPE));
    }

    private BlockingInput blockingWasi() {
        BlockingInput blocking = new BlockingInput();
        wasi = new Preview1(WasiConfig.builder().clock(clock).random((m, a, n) -> { }).stdin(blocking).build());
        wasi.bindMemory(memory);
        return blocking;
    }

    private void iovec(int length) {
        memory.writeI32(IOVS, DATA);
        memory.writeI32(IOVS + 4, length);
    }

    private void fdRead(int at, long userdata, int fd) {
        memory.fill(at, Layout.SUBSCRIPTION_SIZE);
        memory.writeI64(at + Layout.SUBSCRIPTION_USERDATA, userdata);
        memory.writeU8(at + Layout.SUBSCRIPTION_TAG, EventType.FD_READ);
        memory.writeI32(at + Layout.SUBSCRIPTION_FD, fd);
    }

    private void relativeClock(int at, long userdata, long timeout) {
        memory.fill(at, Layout.SUBSCRIPTION_SIZE);
        memory.writeI64(at + Layout.SUBSCRIPTION_USERDATA, userdata);
        memory.writeU8(at + Layout.SUBSCRIPTION_TAG, EventType.CLOCK);
        memory.writeI32(at + Layout.SUBSCRIPTION_CLOCK_ID, ClockId.MONOTONIC);
        memory.writeI64(at + Layout.SUBSCRIPTION_CLOCK_TIMEOUT, timeout);
    }

    private String text(int at, int length) {
        byte[] bytes = new byte[length];
        memory.read(at, bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

package org.wasipolyfill.core;

import java.util.Arrays;
import org.wasipolyfill.core.abi.ClockId;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.EventRwFlags;
import org.wasipolyfill.core.abi.EventType;
import org.wasipolyfill.core.abi.FileType;
import org.wasipolyfill.core.abi.Layout;
import org.wasipolyfill.core.abi.Rights;
import org.wasipolyfill.core.abi.SubclockFlags;
import org.wasipolyfill.core.fd.Descriptor;
import org.wasipolyfill.core.fd.FdTable;
import org.wasipolyfill.core.abi.ErrnoException;
import org.wasipolyfill.core.memory.GuestMemory;
import org.wasipolyfill.core.structs.Event;

/**
 * poll_oneoff. Files and stdio never block in this host, so fd subscriptions are ready at once;
 * when none is, the call sleeps until the earliest clock deadline and reports every clock
 * subscription that has expired by then.
 *
 * <p>An input that can be pending (an asynchronous stdin) makes its fd_read subscriptions ready
 * only once bytes are buffered or it has ended. A host that suspends instead of blocking first asks
 * for a {@link #plan}, awaits what it names, and calls {@link #poll} once the plan is ready: the
 * relative timeouts are measured from the first plan of those subscriptions, not from each retry.
 */
final class PollOneoff {
    private final FdTable fds;
    private final WasiClock clock;
    private final PollWait wait = new PollWait();
    /** The deadlines of a poll made without a plan. */
    private long[] scratch = new long[0];
    /**
     * The deadlines fixed by the plans of polls not made yet, keyed by where their subscriptions are:
     * one per waiting poll, as each thread of a threaded process may have its own.
     */
    private int[] armedIns = new int[0];
    private int[] armedCounts = new int[0];
    private long[][] armedDeadlines = new long[0][];
    private int armedSize;

    PollOneoff(FdTable fds, WasiClock clock) {
        this.fds = fds;
        this.clock = clock;
    }

    /**
     * Returns the number of events written. Like Wasmtime, an fd subscription on a closed fd or on
     * a descriptor whose kind can never do the subscribed operation (fd_read on a directory,
     * fd_write on stdin) fails the whole call with EBADF before anything is reported.
     */
    int poll(GuestMemory memory, int in, int out, int count) {
        validate(memory, in, out, count);
        long[] deadlines = disarm(in, count);
        if (deadlines == null) {
            if (scratch.length < count) {
                scratch = new long[Math.max(count, 8)];
            }
            deadlines = computeDeadlines(memory, in, count, scratch);
        }
        int events;
        long earliest;
        Pending waiting;
        long left;
        do {
            events = 0;
            earliest = Long.MAX_VALUE;
            waiting = null;
            for (int i = 0; i < count; i++) {
                int sub = in + i * Layout.SUBSCRIPTION_SIZE;
                int tag = memory.readU8(sub + Layout.SUBSCRIPTION_TAG);
                if (tag == EventType.FD_READ || tag == EventType.FD_WRITE) {
                    Pending pending = tag == EventType.FD_READ ? pendingRead(memory, sub) : null;
                    if (pending == null) {
                        fdEvent(memory, sub, tag, out + events++ * Layout.EVENT_SIZE);
                    } else {
                        waiting = pending;
                    }
                } else if (tag == EventType.CLOCK && deadlines[i] != NOT_A_CLOCK) {
                    earliest = Math.min(earliest, deadlines[i]);
                } else {
                    Event.write(memory, out + events++ * Layout.EVENT_SIZE, sub, Errno.INVAL, tag, 0, 0);
                }
            }
            // A blocking host's input that becomes readable before the earliest deadline: look again.
        } while (events == 0 && waiting != null && (left = earliest - clock.monotonicNanos()) > 0
                && waiting.waitReady(left));
        long now = clock.monotonicNanos();
        if (events == 0 && earliest != Long.MAX_VALUE && earliest > now) {
            clock.sleep(earliest - now);
            // A host sleep may end a little early; the earliest deadline has still been waited for.
            now = Math.max(clock.monotonicNanos(), earliest);
        }
        for (int i = 0; i < count; i++) {
            if (deadlines[i] != NOT_A_CLOCK && deadlines[i] <= now) {
                Event.write(memory, out + events++ * Layout.EVENT_SIZE, in + i * Layout.SUBSCRIPTION_SIZE,
                        Errno.SUCCESS, EventType.CLOCK, 0, 0);
            }
        }
        return events;
    }

    /**
     * Null when {@link #poll} would report an event now (or fail), else what it would wait for.
     * The first plan of a set of subscriptions fixes their deadlines, which the later plans and the
     * poll that follows use.
     */
    PollWait plan(GuestMemory memory, int in, int out, int count) {
        validate(memory, in, out, count);
        int armedAt = armedAt(in, count);
        long[] deadlines;
        if (armedAt >= 0) {
            deadlines = armedDeadlines[armedAt];
        } else {
            deadlines = computeDeadlines(memory, in, count, new long[count]);
            arm(in, count, deadlines);
        }
        long now = clock.monotonicNanos();
        long earliest = PollWait.NO_DEADLINE;
        Pending input = null;
        for (int i = 0; i < count; i++) {
            int sub = in + i * Layout.SUBSCRIPTION_SIZE;
            int tag = memory.readU8(sub + Layout.SUBSCRIPTION_TAG);
            if (tag == EventType.FD_READ) {
                Pending pending = pendingRead(memory, sub);
                if (pending == null) {
                    return null;
                }
                input = input == null ? pending : input;
            } else if (tag == EventType.CLOCK && deadlines[i] != NOT_A_CLOCK) {
                if (deadlines[i] <= now) {
                    return null;
                }
                earliest = Math.min(earliest, deadlines[i]);
            } else {
                return null;
            }
        }
        wait.deadline = earliest;
        wait.input = input;
        return wait;
    }

    private int armedAt(int in, int count) {
        for (int i = 0; i < armedSize; i++) {
            if (armedIns[i] == in && armedCounts[i] == count) {
                return i;
            }
        }
        return -1;
    }

    private void arm(int in, int count, long[] deadlines) {
        if (armedSize == armedIns.length) {
            int size = Math.max(4, armedSize * 2);
            armedIns = Arrays.copyOf(armedIns, size);
            armedCounts = Arrays.copyOf(armedCounts, size);
            armedDeadlines = Arrays.copyOf(armedDeadlines, size);
        }
        armedIns[armedSize] = in;
        armedCounts[armedSize] = count;
        armedDeadlines[armedSize++] = deadlines;
    }

    /** The deadlines armed for these subscriptions, forgotten here; or null. */
    private long[] disarm(int in, int count) {
        int at = armedAt(in, count);
        if (at < 0) {
            return null;
        }
        long[] deadlines = armedDeadlines[at];
        armedSize--;
        armedIns[at] = armedIns[armedSize];
        armedCounts[at] = armedCounts[armedSize];
        armedDeadlines[at] = armedDeadlines[armedSize];
        armedDeadlines[armedSize] = null;
        return deadlines;
    }

    private void validate(GuestMemory memory, int in, int out, int count) {
        memory.checkRange(in, (long) count * Layout.SUBSCRIPTION_SIZE);
        memory.checkRange(out, (long) count * Layout.EVENT_SIZE);
        for (int i = 0; i < count; i++) {
            int sub = in + i * Layout.SUBSCRIPTION_SIZE;
            int tag = memory.readU8(sub + Layout.SUBSCRIPTION_TAG);
            if (tag == EventType.FD_READ || tag == EventType.FD_WRITE) {
                Descriptor descriptor = fds.get(memory.readI32(sub + Layout.SUBSCRIPTION_FD));
                if (!descriptor.kindSupports(tag == EventType.FD_READ ? Rights.FD_READ : Rights.FD_WRITE)) {
                    throw ErrnoException.of(Errno.BADF);
                }
            }
        }
    }

    private long[] computeDeadlines(GuestMemory memory, int in, int count, long[] deadlines) {
        for (int i = 0; i < count; i++) {
            int sub = in + i * Layout.SUBSCRIPTION_SIZE;
            deadlines[i] = memory.readU8(sub + Layout.SUBSCRIPTION_TAG) == EventType.CLOCK
                    ? deadline(memory, sub) : NOT_A_CLOCK;
        }
        return deadlines;
    }

    /** What an fd_read subscription waits for; null when it is ready, or reports an error. */
    private Pending pendingRead(GuestMemory memory, int sub) {
        try {
            return fds.get(memory.readI32(sub + Layout.SUBSCRIPTION_FD), (int) Rights.POLL_FD_READWRITE).readPending();
        } catch (ErrnoException e) {
            return null;
        }
    }

    private static final long NOT_A_CLOCK = Long.MIN_VALUE;

    /** The deadline on the monotonic clock, or {@link #NOT_A_CLOCK}. */
    private long deadline(GuestMemory memory, int sub) {
        int id = memory.readI32(sub + Layout.SUBSCRIPTION_CLOCK_ID);
        long timeout = memory.readI64(sub + Layout.SUBSCRIPTION_CLOCK_TIMEOUT);
        boolean absolute = (memory.readU16(sub + Layout.SUBSCRIPTION_CLOCK_FLAGS)
                & SubclockFlags.SUBSCRIPTION_CLOCK_ABSTIME) != 0;
        long now = clock.monotonicNanos();
        switch (id) {
            case ClockId.MONOTONIC, ClockId.PROCESS_CPUTIME_ID, ClockId.THREAD_CPUTIME_ID -> {
                return absolute ? timeout : saturatingAdd(now, timeout);
            }
            case ClockId.REALTIME -> {
                if (!absolute) {
                    return saturatingAdd(now, timeout);
                }
                return saturatingAdd(now, timeout - clock.realtimeNanos());
            }
            default -> {
                return NOT_A_CLOCK;
            }
        }
    }

    private void fdEvent(GuestMemory memory, int sub, int type, int event) {
        int fd = memory.readI32(sub + Layout.SUBSCRIPTION_FD);
        try {
            Descriptor descriptor = fds.get(fd, Rights.POLL_FD_READWRITE);
            long nbytes = type == EventType.FD_READ ? descriptor.readableBytes() : 0;
            // Wasmtime reports a regular file whose read position is at (or past) its end as hung up.
            int flags = type == EventType.FD_READ && nbytes == 0 && descriptor.fileType() == FileType.REGULAR_FILE
                    ? EventRwFlags.FD_READWRITE_HANGUP : 0;
            Event.write(memory, event, sub, Errno.SUCCESS, type, nbytes, flags);
        } catch (ErrnoException e) {
            Event.write(memory, event, sub, e.errno(), type, 0, 0);
        }
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}

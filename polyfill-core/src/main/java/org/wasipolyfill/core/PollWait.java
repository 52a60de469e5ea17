package org.wasipolyfill.core;

/**
 * What a poll_oneoff would wait for (see {@link Preview1#pollOneoffPlan}): the earliest clock
 * deadline, the input of its first fd_read subscription that is not ready, or both, in which case
 * the call completes at whichever comes first. One instance is reused for every plan.
 */
public final class PollWait {
    /** {@link #deadlineNanos()} when no clock subscription bounds the wait. */
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    long deadline;
    Pending input;

    /** The earliest deadline on the monotonic clock, or {@link #NO_DEADLINE}. */
    public long deadlineNanos() {
        return deadline;
    }

    /** What the fd_read subscriptions wait for, or null when none does. */
    public Pending input() {
        return input;
    }
}

package org.wasipolyfill.core;

/**
 * What a syscall waits for when it cannot complete yet (stdin with nothing buffered). A host that
 * suspends the guest instead of blocking asks first ({@link Preview1#fdReadPending},
 * {@link Preview1#pollOneoffPlan}), awaits the pending thing in its own way, asks again, and makes
 * the plain call once nothing is pending; that call then completes without waiting. Each host knows
 * how to await the pendings its own sources make.
 */
public interface Pending {
    /**
     * For a host whose guest blocks instead (a Worker): waits until a read would complete or
     * {@code timeoutNanos} have passed, and says whether it would; poll_oneoff calls it rather than
     * decoding its subscriptions twice, as wasi-common's sync poll leaves the platform only this
     * wait. A host that suspends never waits here: false.
     */
    default boolean waitReady(long timeoutNanos) {
        return false;
    }
}

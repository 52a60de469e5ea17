/**
 * The writers of the structs the guest reads (witx typenames.witx), one class each, laid out by
 * {@link org.wasipolyfill.core.abi.Layout} (and {@link org.wasipolyfill.core.abi.UnstableLayout}
 * where snapshot 0 differs), called by the syscall layer. The structs the guest hands in (iovecs,
 * subscriptions) are read where they are used: IoVecs, PollOneoff and Unstable.
 */
package org.wasipolyfill.core.structs;

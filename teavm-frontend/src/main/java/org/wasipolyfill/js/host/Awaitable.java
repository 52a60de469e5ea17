package org.wasipolyfill.js.host;

import org.teavm.jso.JSObject;
import org.wasipolyfill.core.Pending;

/** A {@link Pending} of this host: a JS promise that settles when the syscall can be retried. */
public interface Awaitable extends Pending {
    /** The promise; the same one until it has settled. It rejects with what the host's source threw. */
    JSObject whenReady();
}

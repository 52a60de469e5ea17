package org.wasipolyfill.js.imports;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.Pending;
import org.wasipolyfill.core.PollWait;
import org.wasipolyfill.core.Preview1;
import org.wasipolyfill.core.Unstable;
import org.wasipolyfill.js.host.Awaitable;
import org.wasipolyfill.js.host.JsClock;
import org.wasipolyfill.js.memory.JsGuestMemory;

/**
 * Async mode's namespace: a copy of a plain one whose {@code fd_read} and {@code poll_oneoff} are
 * {@code WebAssembly.Suspending} functions, the only imports that may wait (a Suspending import
 * costs more per call, so the others stay plain). Each asks the core first whether the call would
 * wait; when it would not, it makes the plain call at once; else it returns a promise that awaits
 * what the core names (the stdin's next chunk, a timer, or whichever comes first), asks again, and
 * makes the plain call once nothing is pending, which then completes without blocking.
 */
public final class SuspendingImports {
    private final Preview1 p;
    /** For wasi_unstable's poll_oneoff, which plans its own subscription layout; else null. */
    private final Unstable u;
    private final JsGuestMemory memory;
    private final AbortState abort;

    private SuspendingImports(Preview1 p, Unstable u, JsGuestMemory memory, AbortState abort) {
        this.p = p;
        this.u = u;
        this.memory = memory;
        this.abort = abort;
    }

    /**
     * What a call of {@code fd_read} or {@code poll_oneoff} would wait for, for a host that awaits it
     * itself (the kernel of a threaded program): {@link #readWait} and {@link #pollWait} of the
     * result. {@code u} is null for wasi_snapshot_preview1.
     */
    public static SuspendingImports waits(Preview1 p, Unstable u, JsGuestMemory memory, AbortState abort) {
        return new SuspendingImports(p, u, memory, abort);
    }

    /** The wasi_snapshot_preview1 namespace {@code plain}, made suspending. */
    public static JSObject preview1(JSObject plain, Preview1 p, JsGuestMemory memory, AbortState abort) {
        return wrap(plain, new SuspendingImports(p, null, memory, abort));
    }

    /** The wasi_unstable namespace {@code plain}, made suspending. */
    public static JSObject unstable(JSObject plain, Unstable u, Preview1 p, JsGuestMemory memory, AbortState abort) {
        return wrap(plain, new SuspendingImports(p, u, memory, abort));
    }

    /** Null when fd_read can be made now, else the promise to await before asking again. */
    public JSObject readWait(int fd, int iovs, int iovsLen) {
        return readWait(this, fd, iovs, iovsLen);
    }

    /** Null when poll_oneoff can be made now, else the promise to await before asking again. */
    public JSObject pollWait(int in, int out, int nsubscriptions) {
        return pollWait(this, in, out, nsubscriptions);
    }

    private static JSObject readWait(SuspendingImports h, int fd, int iovs, int iovsLen) {
        h.abort.check();
        h.memory.revalidate();
        Pending pending = h.p.fdReadPending(fd, iovs, iovsLen);
        return pending == null ? null : h.abort.await(((Awaitable) pending).whenReady(), -1);
    }

    private static JSObject pollWait(SuspendingImports h, int in, int out, int nsubscriptions) {
        h.abort.check();
        h.memory.revalidate();
        PollWait wait = h.u != null ? h.u.pollOneoffPlan(in, out, nsubscriptions)
                : h.p.pollOneoffPlan(in, out, nsubscriptions);
        if (wait == null) {
            return null;
        }
        JSObject input = wait.input() == null ? null : ((Awaitable) wait.input()).whenReady();
        double millis = wait.deadlineNanos() == PollWait.NO_DEADLINE ? -1
                : Math.max(0, (wait.deadlineNanos() - JsClock.INSTANCE.monotonicNanos()) / 1e6);
        return h.abort.await(input, millis);
    }

    // The Suspending functions are the imports themselves: no JS frame stands between them and the
    // promising export. Parameters start with '_' so they cannot shadow TeaVM's names for "plain" and "h".
    @JSBody(params = { "plain", "h" }, script = "var n = Object.assign({}, plain), read = plain.fd_read, poll = plain.poll_oneoff;"
            + " function readWait(_0, _1, _2) { return javaMethods.get('org.wasipolyfill.js.imports.SuspendingImports.readWait(Lorg/wasipolyfill/js/imports/SuspendingImports;III)Lorg/teavm/jso/JSObject;').invoke(h, _0, _1, _2); }"
            + " function pollWait(_0, _1, _2) { return javaMethods.get('org.wasipolyfill.js.imports.SuspendingImports.pollWait(Lorg/wasipolyfill/js/imports/SuspendingImports;III)Lorg/teavm/jso/JSObject;').invoke(h, _0, _1, _2); }"
            + " function later(w, wait, call, _0, _1, _2, _3) { return w.then(function () { var next = wait(_0, _1, _2);"
            + " return next === null ? call(_0, _1, _2, _3) : later(next, wait, call, _0, _1, _2, _3); }); }"
            + " n.fd_read = new WebAssembly.Suspending(function (_0, _1, _2, _3) { var w = readWait(_0, _1, _2);"
            + " return w === null ? read(_0, _1, _2, _3) : later(w, readWait, read, _0, _1, _2, _3); });"
            + " n.poll_oneoff = new WebAssembly.Suspending(function (_0, _1, _2, _3) { var w = pollWait(_0, _1, _2);"
            + " return w === null ? poll(_0, _1, _2, _3) : later(w, pollWait, poll, _0, _1, _2, _3); });"
            + " return n;")
    private static native JSObject wrap(JSObject plain, Object h);
}

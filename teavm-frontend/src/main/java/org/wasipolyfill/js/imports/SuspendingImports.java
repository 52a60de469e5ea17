package org.wasipolyfill.js.imports;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSBodyImport;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.Pending;
import org.wasipolyfill.core.PollWait;
import org.wasipolyfill.core.Preview1;
import org.wasipolyfill.core.Unstable;
import org.wasipolyfill.js.host.Awaitable;
import org.wasipolyfill.js.host.JsClock;
import org.wasipolyfill.js.interop.JsModules;
import org.wasipolyfill.js.memory.JsGuestMemory;

/**
 * Async mode's namespace: a copy of a plain one whose {@code fd_read} and {@code poll_oneoff} are
 * {@code WebAssembly.Suspending} functions, the only imports that may wait (a Suspending import
 * costs more per call, so the others stay plain). Each asks the core first whether the call would
 * wait; when it would not, it makes the plain call at once; else it returns a promise that awaits
 * what the core names (the stdin's next chunk, a timer, or whichever comes first), asks again, and
 * makes the plain call once nothing is pending, which then completes without blocking (the wrapping is
 * src/main/core/async/suspending.mjs).
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
        return new SuspendingImports(p, null, memory, abort).wrap(plain);
    }

    /** The wasi_unstable namespace {@code plain}, made suspending. */
    public static JSObject unstable(JSObject plain, Unstable u, Preview1 p, JsGuestMemory memory, AbortState abort) {
        return new SuspendingImports(p, u, memory, abort).wrap(plain);
    }

    private JSObject wrap(JSObject plain) {
        return suspending(plain, this::readWait, this::pollWait);
    }

    /** Null when fd_read can be made now, else the promise to await before asking again. */
    public JSObject readWait(int fd, int iovs, int iovsLen) {
        abort.check();
        memory.revalidate();
        Pending pending = p.fdReadPending(fd, iovs, iovsLen);
        return pending == null ? null : abort.await(((Awaitable) pending).whenReady(), -1);
    }

    /** Null when poll_oneoff can be made now, else the promise to await before asking again. */
    public JSObject pollWait(int in, int out, int nsubscriptions) {
        abort.check();
        memory.revalidate();
        PollWait wait = u != null ? u.pollOneoffPlan(in, out, nsubscriptions) : p.pollOneoffPlan(in, out, nsubscriptions);
        if (wait == null) {
            return null;
        }
        JSObject input = wait.input() == null ? null : ((Awaitable) wait.input()).whenReady();
        double millis = wait.deadlineNanos() == PollWait.NO_DEADLINE ? -1
                : Math.max(0, (wait.deadlineNanos() - JsClock.INSTANCE.monotonicNanos()) / 1e6);
        return abort.await(input, millis);
    }

    /** Whether an import would wait, given its first three arguments: null if not, else the promise to await. */
    @JSFunctor
    interface Wait extends JSObject {
        JSObject pending(int a, int b, int c);
    }

    @JSBody(params = { "plain", "readWait", "pollWait" }, script = "return suspending.suspending(plain, readWait, pollWait);",
            imports = @JSBodyImport(alias = "suspending", fromModule = JsModules.SUSPENDING))
    private static native JSObject suspending(JSObject plain, Wait readWait, Wait pollWait);
}

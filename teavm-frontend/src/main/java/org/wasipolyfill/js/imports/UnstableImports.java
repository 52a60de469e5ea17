package org.wasipolyfill.js.imports;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.Unstable;
import org.wasipolyfill.js.memory.JsGuestMemory;

/**
 * Builds the {@code wasi_unstable} namespace from the {@code wasi_snapshot_preview1} one: the
 * same JS function for every import whose ABI is the same, no {@code sock_accept}, and for the four
 * that differ a function calling {@link Unstable}, written as {@link Preview1Imports} writes its
 * own. The preview1 namespace itself is left as it was.
 */
public final class UnstableImports {
    private final Unstable u;
    private final JsGuestMemory memory;

    private UnstableImports(Unstable u, JsGuestMemory memory) {
        this.u = u;
        this.memory = memory;
    }

    /** The namespace for {@code u}, sharing the functions of {@code preview1}, its Preview1's namespace. */
    public static JSObject create(Unstable u, JsGuestMemory memory, JSObject preview1) {
        return namespace(preview1, new UnstableImports(u, memory));
    }

    private static int fdSeek(UnstableImports h, int fd, long offset, int whence, int newoffsetPtr) {
        try {
            h.memory.revalidate();
            return h.u.fdSeek(fd, offset, whence, newoffsetPtr);
        } catch (RuntimeException e) {
            throw TrapGuard.translate(Unstable.MODULE, "fd_seek", e);
        }
    }

    private static int fdFilestatGet(UnstableImports h, int fd, int buf) {
        try {
            h.memory.revalidate();
            return h.u.fdFilestatGet(fd, buf);
        } catch (RuntimeException e) {
            throw TrapGuard.translate(Unstable.MODULE, "fd_filestat_get", e);
        }
    }

    private static int pathFilestatGet(UnstableImports h, int fd, int flags, int path, int pathLen, int buf) {
        try {
            h.memory.revalidate();
            return h.u.pathFilestatGet(fd, flags, path, pathLen, buf);
        } catch (RuntimeException e) {
            throw TrapGuard.translate(Unstable.MODULE, "path_filestat_get", e);
        }
    }

    private static int pollOneoff(UnstableImports h, int in, int out, int nsubscriptions, int neventsPtr) {
        try {
            h.memory.revalidate();
            return h.u.pollOneoff(in, out, nsubscriptions, neventsPtr);
        } catch (RuntimeException e) {
            throw TrapGuard.translate(Unstable.MODULE, "poll_oneoff", e);
        }
    }

    // As in Preview1Imports: parameters start with '_' so they cannot shadow TeaVM's names for "p1" and "wasi".
    @JSBody(params = { "p1", "wasi" }, script = "var n = Object.assign({}, p1); delete n.sock_accept;"
            + " n.fd_seek = function(_0,_1,_2,_3) { return javaMethods.get('org.wasipolyfill.js.imports.UnstableImports.fdSeek(Lorg/wasipolyfill/js/imports/UnstableImports;IJII)I').invoke(wasi, _0,_1,_2,_3); };"
            + " n.fd_filestat_get = function(_0,_1) { return javaMethods.get('org.wasipolyfill.js.imports.UnstableImports.fdFilestatGet(Lorg/wasipolyfill/js/imports/UnstableImports;II)I').invoke(wasi, _0,_1); };"
            + " n.path_filestat_get = function(_0,_1,_2,_3,_4) { return javaMethods.get('org.wasipolyfill.js.imports.UnstableImports.pathFilestatGet(Lorg/wasipolyfill/js/imports/UnstableImports;IIIII)I').invoke(wasi, _0,_1,_2,_3,_4); };"
            + " n.poll_oneoff = function(_0,_1,_2,_3) { return javaMethods.get('org.wasipolyfill.js.imports.UnstableImports.pollOneoff(Lorg/wasipolyfill/js/imports/UnstableImports;IIII)I').invoke(wasi, _0,_1,_2,_3); };"
            + " return n;")
    private static native JSObject namespace(JSObject p1, Object wasi);
}

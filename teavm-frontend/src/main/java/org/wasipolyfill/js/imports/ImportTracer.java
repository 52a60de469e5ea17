package org.wasipolyfill.js.imports;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSBodyImport;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.js.interop.JsModules;
import org.wasipolyfill.js.memory.JsGuestMemory;

/**
 * The {@code trace} option: a namespace whose every import reports its call to a callback, then
 * calls the plain namespace's function. The plain namespace is left as it is, so a WASI without
 * {@code trace} pays nothing.
 *
 * <p>A call is reported once it has returned (or trapped) as
 * {@code { module, name, args, errno, result, results, exitCode, trap, text }}: {@code args} maps
 * each witx parameter name to its value as {@code text} shows it (fds and sizes in decimal,
 * pointers and flags in hex, a {@code string} parameter read from memory), {@code result} is the
 * errno's name, {@code results} the values written through the result pointers of a successful
 * call, {@code text} one line such as
 * {@code fd_write(fd=1, iovs=0x1f2a0, iovs_len=1, nwritten=0x1f29c) -> SUCCESS (nwritten=6)}.
 * The parameters come from the table the bindings are generated from
 * ({@link Preview1Imports#SIGNATURES}); the wrapping is src/main/core/imports/tracer.mjs.
 */
public final class ImportTracer {
    private ImportTracer() {}

    /**
     * {@code namespace} itself when {@code sink} is null, else a traced copy reporting to
     * {@code sink}, a function taking the call; {@code memory} is where strings and results are read.
     */
    public static JSObject traced(JSObject sink, String module, JSObject namespace, JsGuestMemory memory) {
        if (sink == null) {
            return namespace;
        }
        StringBuilder errnos = new StringBuilder();
        for (int errno = Errno.SUCCESS; errno <= Errno.NOTCAPABLE; errno++) {
            errnos.append(errno == Errno.SUCCESS ? "" : ",").append(Errno.name(errno));
        }
        return wrap(namespace, Preview1Imports.SIGNATURES, errnos.toString(), sink, module,
                () -> memory.exported() == null ? null : memory.exported().getBuffer());
    }

    /** The sink of {@code trace: true}: one console line a call. */
    @JSBody(script = "return function(call) { console.log('[wasi] ' + call.text); };")
    public static native JSObject consoleSink();

    /** The guest memory's ArrayBuffer, or null before it is bound. */
    @JSFunctor
    interface MemoryBuffer extends JSObject {
        JSObject get();
    }

    @JSBody(params = { "ns", "sigs", "errnoNames", "sink", "module", "buffer" },
            script = "return tracer.traced(ns, sigs, errnoNames, sink, module, buffer);",
            imports = @JSBodyImport(alias = "tracer", fromModule = JsModules.TRACER))
    private static native JSObject wrap(JSObject ns, String sigs, String errnoNames, JSObject sink, String module,
            MemoryBuffer buffer);
}

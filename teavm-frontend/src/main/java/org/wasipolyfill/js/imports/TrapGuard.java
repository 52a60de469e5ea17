package org.wasipolyfill.js.imports;

import org.teavm.jso.JSExceptions;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.Preview1;
import org.wasipolyfill.core.ProcExit;
import org.wasipolyfill.core.WasiTrap;
import org.wasipolyfill.core.abi.ErrnoException;
import org.wasipolyfill.js.host.HostCallbackError;
import org.wasipolyfill.js.interop.JsErrors;
import org.wasipolyfill.js.interop.JsValues;

/**
 * Decides what may leave an import call that failed:
 * <ul>
 *   <li>an {@link ErrnoException} is the errno the call returns;</li>
 *   <li>{@link ProcExit} becomes the {@link ExitSignal}, which unwinds the wasm frames up to
 *       {@code start()};</li>
 *   <li>a {@link WasiTrap} becomes a {@code WebAssembly.RuntimeError} whose message names the
 *       import, as an engine trap would ("wasi_snapshot_preview1.fd_write: out of bounds ...");</li>
 *   <li>what a host callback (stdout, stderr, stdin) threw is rethrown as it was;</li>
 *   <li>anything else, a Java exception or a JS error, is a bug in the polyfill, reported as a trap
 *       too rather than as an exception with TeaVM's internals in it.</li>
 * </ul>
 */
final class TrapGuard {
    private TrapGuard() {}

    /**
     * The errno the import {@code importName} returns for {@code failure}, raised inside it, or
     * throws what the failure becomes.
     */
    static int errno(String importName, RuntimeException failure) {
        return errno(Preview1.MODULE, importName, failure);
    }

    /** As {@link #errno(String, RuntimeException)}, for an import of {@code module}. */
    static int errno(String module, String importName, RuntimeException failure) {
        if (failure instanceof ErrnoException e) {
            return e.errno();
        }
        if (failure instanceof ProcExit exit) {
            throw JsErrors.rethrow(ExitSignal.create(exit.code()));
        }
        if (failure instanceof WasiTrap trap) {
            throw JsErrors.runtimeError(module + "." + importName + ": " + trap.getMessage());
        }
        if (failure instanceof HostCallbackError e) {
            throw JsErrors.rethrow(e.thrown());
        }
        // A Java exception is named by its class (its JS shadow error says only "Error"); a JS error that
        // reached Java code, which TeaVM wraps in a plain RuntimeException, is described as JS sees it.
        JSObject thrownByJs = JSExceptions.getJSException(failure);
        String description = thrownByJs != null && failure.getClass() == RuntimeException.class
                ? JsValues.describeError(thrownByJs) : failure.toString();
        throw JsErrors.runtimeError(module + "." + importName + ": internal error: " + description);
    }
}

package org.wasipolyfill.js.imports;

import java.util.function.IntSupplier;
import org.teavm.jso.JSExceptions;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.Preview1;
import org.wasipolyfill.core.ProcExit;
import org.wasipolyfill.core.WasiTrap;
import org.wasipolyfill.js.host.HostCallbackError;
import org.wasipolyfill.js.interop.JsErrors;

/**
 * Runs one import call and decides what may leave it:
 * <ul>
 *   <li>{@link ProcExit} becomes the {@link ExitSignal}, which unwinds the wasm frames up to
 *       {@code start()};</li>
 *   <li>a {@link WasiTrap} becomes a {@code WebAssembly.RuntimeError} whose message names the
 *       import, as an engine trap would ("wasi_snapshot_preview1.fd_write: out of bounds ...");</li>
 *   <li>what a host callback (a stdout function) threw is rethrown as it was;</li>
 *   <li>anything else is a bug in the polyfill, reported as a trap too rather than as a Java
 *       exception with TeaVM's internals in it.</li>
 * </ul>
 */
final class TrapGuard {
    private TrapGuard() {}

    static int guard(String importName, IntSupplier call) {
        try {
            return call.getAsInt();
        } catch (ProcExit exit) {
            throw JsErrors.rethrow(ExitSignal.create(exit.code()));
        } catch (WasiTrap trap) {
            throw JsErrors.runtimeError(prefix(importName) + trap.getMessage());
        } catch (HostCallbackError e) {
            throw JsErrors.rethrow(e.thrown());
        } catch (RuntimeException e) {
            JSObject thrownByJs = JSExceptions.getJSException(e);
            if (thrownByJs != null) {
                throw JsErrors.rethrow(thrownByJs);
            }
            throw JsErrors.runtimeError(prefix(importName) + "internal error: " + e);
        }
    }

    private static String prefix(String importName) {
        return Preview1.MODULE + "." + importName + ": ";
    }
}

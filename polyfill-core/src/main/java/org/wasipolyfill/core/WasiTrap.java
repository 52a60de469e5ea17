package org.wasipolyfill.core;

/**
 * A condition after which the guest must not go on (a wild pointer, a broken invariant): the host
 * turns it into a wasm trap whose message names the call, as Wasmtime does.
 */
public class WasiTrap extends RuntimeException {
    public WasiTrap(String message) {
        super(message, null, false, false);
    }
}

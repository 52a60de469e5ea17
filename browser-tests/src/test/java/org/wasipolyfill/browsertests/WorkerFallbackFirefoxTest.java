package org.wasipolyfill.browsertests;

/** wasi-polyfill/worker in Firefox. */
class WorkerFallbackFirefoxTest extends WorkerFallbackTest {

    @Override
    protected BrowserEngine startEngine() {
        return BrowserEngine.firefox();
    }
}

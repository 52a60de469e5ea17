package org.wasipolyfill.browsertests;

/** wasi-polyfill/worker in Chromium. */
class WorkerFallbackChromiumTest extends WorkerFallbackTest {

    @Override
    protected BrowserEngine startEngine() {
        return BrowserEngine.chromium();
    }
}

package org.wasipolyfill.browsertests;

class ThreadsFirefoxTest extends ThreadsBrowserTest {
    @Override
    protected BrowserEngine startEngine() {
        return BrowserEngine.firefox();
    }
}

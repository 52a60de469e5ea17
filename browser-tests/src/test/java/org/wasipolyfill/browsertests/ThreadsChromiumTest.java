package org.wasipolyfill.browsertests;

class ThreadsChromiumTest extends ThreadsBrowserTest {
    @Override
    protected BrowserEngine startEngine() {
        return BrowserEngine.chromium();
    }
}

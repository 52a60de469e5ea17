package org.wasipolyfill.browsertests;

/** The guests in Chromium (the system's, over CDP). */
class ChromiumTest extends BrowserTest {

    @Override
    protected BrowserEngine startEngine() {
        return BrowserEngine.chromium();
    }
}

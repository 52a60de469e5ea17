package org.wasipolyfill.browsertests;

/** The playground in Chromium (the system's, over CDP). */
class PlaygroundChromiumTest extends PlaygroundTest {

    @Override
    protected BrowserEngine startEngine() {
        return BrowserEngine.chromium();
    }
}

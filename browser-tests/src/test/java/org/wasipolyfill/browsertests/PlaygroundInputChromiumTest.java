package org.wasipolyfill.browsertests;

/** The playground's standard input in Chromium. */
class PlaygroundInputChromiumTest extends PlaygroundInputTest {

    @Override
    protected BrowserEngine startEngine() {
        return BrowserEngine.chromium();
    }
}

package org.wasipolyfill.browsertests;

/** The playground's standard input in Firefox. */
class PlaygroundInputFirefoxTest extends PlaygroundInputTest {

    @Override
    protected BrowserEngine startEngine() {
        return BrowserEngine.firefox();
    }
}

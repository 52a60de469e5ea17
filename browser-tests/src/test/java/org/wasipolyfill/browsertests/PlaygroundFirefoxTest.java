package org.wasipolyfill.browsertests;

/** The playground in Firefox (the system's ESR, over WebDriver BiDi). */
class PlaygroundFirefoxTest extends PlaygroundTest {

    @Override
    protected BrowserEngine startEngine() {
        return BrowserEngine.firefox();
    }
}

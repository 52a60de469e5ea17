package org.wasipolyfill.browsertests;

/** The guests in Firefox (the system's ESR, over WebDriver BiDi). */
class FirefoxTest extends BrowserTest {

    @Override
    protected BrowserEngine startEngine() {
        return BrowserEngine.firefox();
    }
}

package org.wasipolyfill.browsertests;

/** What every browser runs: the guests (EngineTest); the playground has its own classes (PlaygroundTest). */
abstract class BrowserTest extends EngineTest {

    @Override
    protected abstract BrowserEngine startEngine();
}

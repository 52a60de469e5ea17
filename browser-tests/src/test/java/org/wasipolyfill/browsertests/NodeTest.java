package org.wasipolyfill.browsertests;

/** The guests in Node.js, each in a fresh worker thread of one node process. */
class NodeTest extends EngineTest {

    @Override
    protected Engine startEngine() {
        return new NodeEngine();
    }
}

package org.wasipolyfill.browsertests;

/** A JavaScript engine that runs guests with the polyfill: Node.js or a browser. */
public interface Engine extends AutoCloseable {

    /** Short lower-case name shown in test names, e.g. "chromium". */
    String name();

    /** Runs guests/&lt;caseName&gt;.wasm as its .json says, in a fresh MemFS and a fresh polyfill instance. */
    RunResult run(String caseName);

    @Override
    void close();
}

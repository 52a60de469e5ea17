package org.wasipolyfill.js.interop;

/**
 * The JS modules of src/main/core that the Java side imports through {@code @JSBodyImport}. TeaVM
 * leaves the imports in its output; src/scripts/dist.mjs bundles the modules into the one file it
 * ships, so these paths are resolved against src/main/core, not against TeaVM's output. Each
 * module has its unit tests beside it ({@code *.test.mjs}).
 */
public final class JsModules {
    /** launcher/index.mjs: run, install, uninstall, start and describe. */
    public static final String LAUNCHER = "./launcher/index.mjs";
    /** memfs/stats.mjs: the Stats class of MemFS.stat. */
    public static final String STATS = "./memfs/stats.mjs";
    /** memfs/store.mjs: MemFS.save and MemFS.load against a store. */
    public static final String STORE = "./memfs/store.mjs";
    /** memfs/snapshot.mjs: the check of a snapshot before MemFS.load restores it. */
    public static final String SNAPSHOT = "./memfs/snapshot.mjs";
    /** imports/tracer.mjs: the {@code trace} option's namespace. */
    public static final String TRACER = "./imports/tracer.mjs";
    /** imports/errors.mjs: proc_exit's error, and errors made without stack traces. */
    public static final String ERRORS = "./imports/errors.mjs";
    /** async/suspending.mjs: async mode's namespace, fd_read and poll_oneoff made Suspending. */
    public static final String SUSPENDING = "./async/suspending.mjs";
    /** async/promising.mjs: async mode's start, through WebAssembly.promising. */
    public static final String PROMISING = "./async/promising.mjs";
    /** async/abort.mjs: the abort error and the waits an abort rejects. */
    public static final String ABORT = "./async/abort.mjs";
    /** async/stdin.mjs: the next chunk of an asynchronous stdin. */
    public static final String STDIN = "./async/stdin.mjs";
    /** host/clock.mjs: the resolution of performance.now(). */
    public static final String CLOCK = "./host/clock.mjs";
    /** host/sleep.mjs: blocking for a while, in Atomics.wait or spinning. */
    public static final String SLEEP = "./host/sleep.mjs";
    /** interop/strings.mjs: C strings encoded to UTF-8. */
    public static final String STRINGS = "./interop/strings.mjs";
    /** interop/values.mjs: checks of option values. */
    public static final String VALUES = "./interop/values.mjs";

    private JsModules() {}
}

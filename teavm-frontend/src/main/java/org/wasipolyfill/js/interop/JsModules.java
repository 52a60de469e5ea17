package org.wasipolyfill.js.interop;

/**
 * The JS modules of src/main/core that the Java side imports through {@code @JSBodyImport}. TeaVM
 * leaves the imports in its output; src/scripts/dist.mjs bundles the modules into the one file it
 * ships, so these paths are resolved against src/main/core, not against TeaVM's output.
 */
public final class JsModules {
    /** src/main/core/launcher/index.mjs: run, install, uninstall, start and describe. */
    public static final String LAUNCHER = "./launcher/index.mjs";
    /** src/main/core/memfs/stats.mjs: the Stats class of MemFS.stat. */
    public static final String STATS = "./memfs/stats.mjs";

    private JsModules() {}
}

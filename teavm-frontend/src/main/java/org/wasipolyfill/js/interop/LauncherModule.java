package org.wasipolyfill.js.interop;

/**
 * The JS modules of src/main/js that the Java side imports through {@code @JSBodyImport}. TeaVM
 * leaves the import in its output; src/scripts/dist.mjs bundles the module into the one file it
 * ships, so the path is resolved against src/main/js, not against TeaVM's output.
 */
public final class LauncherModule {
    /** src/main/js/launcher/index.mjs: run, install, uninstall, start and describe. */
    public static final String PATH = "./launcher/index.mjs";

    private LauncherModule() {}
}

package org.wasipolyfill.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.wasipolyfill.webdemo.StaticServer;

/**
 * The bench folder (target/classes/bench) served on an ephemeral 127.0.0.1 port. Pages are cross-origin isolated
 * (COOP + COEP), which gives performance.now() its fine resolution in Chromium.
 */
final class BenchSite {
    private static final Map<String, String> CROSS_ORIGIN_ISOLATED = Map.of(
            "Cross-Origin-Opener-Policy", "same-origin",
            "Cross-Origin-Embedder-Policy", "require-corp");

    private BenchSite() {}

    static StaticServer serve(Path benchDir) throws IOException {
        return StaticServer.start(0, benchDir, CROSS_ORIGIN_ISOLATED);
    }
}

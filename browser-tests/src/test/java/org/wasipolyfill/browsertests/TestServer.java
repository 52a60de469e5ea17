package org.wasipolyfill.browsertests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import org.wasipolyfill.webdemo.StaticServer;

/**
 * The HTTP server all engines load from, started once per test JVM on an ephemeral 127.0.0.1 port. It serves
 * classpath folders: guests/ (conformance jar), wasi-polyfill/ (teavm-frontend jar), runner/ (this module's test
 * resources) and npm/ (the installed npm package, once {@link NpmPackage} has put it into test-classes). The
 * playground has its own server (see {@link PlaygroundTest}); and data/ ({@link #data()}), bytes tests make, with
 * Range requests.
 */
final class TestServer {

    private static StaticServer server;
    private static final DataFiles DATA = new DataFiles();

    private TestServer() {
    }

    static synchronized URI baseUri() {
        if (server == null) {
            try {
                server = StaticServer.start(0, Map.of(
                        "/guests/", "guests/",
                        "/wasi-polyfill/", "wasi-polyfill/",
                        "/runner/", "runner/",
                        "/npm/", NpmPackage.CLASSPATH_FOLDER));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.handle(DataFiles.PREFIX, DATA);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server.uri();
    }

    /** What the server has under /data/, and the requests it got there. */
    static DataFiles data() {
        baseUri();
        return DATA;
    }
}

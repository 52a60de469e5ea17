package org.wasipolyfill.webdemo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture (src/test/resources), mounted at /site/:
 * <pre>
 * site/
 *   index.html
 *   sub/mod.mjs
 *   sub/empty.wasm   (written by the test: binaries are never committed)
 * </pre>
 */
class StaticServerTest {

    /** The smallest valid module: magic and version. */
    private static final byte[] EMPTY_MODULE = {0, 'a', 's', 'm', 1, 0, 0, 0};

    private static StaticServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException, URISyntaxException {
        Path sub = Path.of(StaticServerTest.class.getResource("/site/sub/mod.mjs").toURI()).getParent();
        Files.write(sub.resolve("empty.wasm"), EMPTY_MODULE);
        server = StaticServer.start(0, Map.of("/site/", "site/"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        URI uri = URI.create(server.uri() + path.substring(1));
        return CLIENT.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void listensOnLoopbackOnly() {
        assertEquals("127.0.0.1", server.uri().getHost());
    }

    @Test
    void aFolderPathServesItsIndexAsHtml() throws Exception {
        HttpResponse<byte[]> response = get("/site/");
        assertEquals(200, response.statusCode());
        assertEquals("text/html; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("<p>index</p>\n", new String(response.body()));
    }

    @Test
    void modulesAreJavaScriptAndWasmIsApplicationWasm() throws Exception {
        assertEquals("text/javascript; charset=utf-8",
                get("/site/sub/mod.mjs").headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<byte[]> wasm = get("/site/sub/empty.wasm");
        assertEquals("application/wasm", wasm.headers().firstValue("Content-Type").orElseThrow());
        assertArrayEquals(EMPTY_MODULE, wasm.body());
    }

    @Test
    void fixedHeadersGoOnEveryResponse() throws Exception {
        try (StaticServer withHeaders = StaticServer.start(0, Map.of("/site/", "site/"), Map.of("X-Test", "yes"))) {
            for (String path : new String[] {"site/", "site/missing.txt"}) {
                HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(withHeaders.uri().resolve(path)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals("yes", response.headers().firstValue("X-Test").orElse(null), path);
            }
        }
        assertEquals(null, get("/site/").headers().firstValue("X-Test").orElse(null));
    }

    @Test
    void pathsOutsideAMountOrClimbingOutOfItAreNotFound() throws Exception {
        assertEquals(404, get("/site/missing.txt").statusCode());
        assertEquals(404, get("/site/sub").statusCode()); // a folder without its slash
        assertEquals(404, get("/site/sub/%2e%2e/index.html").statusCode());
        assertEquals(404, get("/org/wasipolyfill/webdemo/StaticServer.class").statusCode());
    }

    @Test
    void aFolderIsServedFromItsFilesAndNothingBesideIt(@TempDir Path dir) throws Exception {
        Path served = Files.createDirectories(dir.resolve("served/sub"));
        Files.write(served.resolve("mod.mjs"), "export {};\n".getBytes());
        Files.writeString(dir.resolve("secret.txt"), "beside the folder");
        try (StaticServer folder = StaticServer.start(0, dir.resolve("served"), Map.of("X-Test", "folder"))) {
            HttpResponse<byte[]> module = CLIENT.send(HttpRequest.newBuilder(folder.uri().resolve("sub/mod.mjs")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, module.statusCode());
            assertEquals("text/javascript; charset=utf-8", module.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("folder", module.headers().firstValue("X-Test").orElseThrow());
            assertEquals("export {};\n", new String(module.body()));
            for (String path : new String[] {"sub/%2e%2e/%2e%2e/secret.txt", "sub", "missing.mjs",
                    "java/lang/Object.class", "site/index.html"}) {
                HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(URI.create(folder.uri() + path))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(404, response.statusCode(), path);
            }
        }
    }
}

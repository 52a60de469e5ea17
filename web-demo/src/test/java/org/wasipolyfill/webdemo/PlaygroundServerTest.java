package org.wasipolyfill.webdemo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The playground as the README's command serves it: the built site under target/classes/playground. */
class PlaygroundServerTest {

    private static StaticServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        server = PlaygroundServer.start(0);
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
    void everyResponseIsCrossOriginIsolated() throws Exception {
        for (String path : new String[] {"/", "/worker.mjs", "/examples/hello.wasm", "/missing"}) {
            HttpResponse<byte[]> response = get(path);
            assertEquals("same-origin", response.headers().firstValue("Cross-Origin-Opener-Policy").orElse(null), path);
            assertEquals("require-corp", response.headers().firstValue("Cross-Origin-Embedder-Policy").orElse(null), path);
        }
    }

    @Test
    void thePageItsScriptsTheTerminalAndTheExamplesAreServedWithTheirTypes() throws Exception {
        Map<String, String> expected = Map.of(
                "/", "text/html; charset=utf-8",
                "/app.mjs", "text/javascript; charset=utf-8",
                "/worker.mjs", "text/javascript; charset=utf-8",
                "/wasi-polyfill/wasi-polyfill.mjs", "text/javascript; charset=utf-8",
                "/vendor/xterm.js", "text/javascript; charset=utf-8",
                "/vendor/xterm.css", "text/css; charset=utf-8",
                "/style.css", "text/css; charset=utf-8",
                "/examples/catalog.wasm", "application/wasm",
                "/examples/catalog.cpp", "text/plain; charset=utf-8");
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            HttpResponse<byte[]> response = get(entry.getKey());
            assertEquals(200, response.statusCode(), entry.getKey());
            assertEquals(entry.getValue(), response.headers().firstValue("Content-Type").orElseThrow(), entry.getKey());
        }
    }

    @Test
    void everyExampleIsBuiltAsWasm() throws Exception {
        for (String name : new String[] {"hello", "cat", "wc", "grep", "sort", "ls", "catalog", "calc", "colors",
                "primes"}) {
            byte[] body = get("/examples/" + name + ".wasm").body();
            assertTrue(body.length > 8 && body[0] == 0 && body[1] == 'a' && body[2] == 's' && body[3] == 'm',
                    name + ".wasm is not a wasm module");
        }
    }
}

package org.wasipolyfill.browsertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wasipolyfill.webdemo.StaticServer;

/**
 * The threads cases in a browser, each on a fresh page served cross-origin isolated (COOP same-origin, COEP
 * require-corp), and a page without isolation, which gets an error saying what headers to send.
 */
abstract class ThreadsBrowserTest extends ThreadsTest {
    private static final Map<String, String> MOUNTS = Map.of(
            "/guests/", "guests/",
            "/wasi-polyfill/", "wasi-polyfill/",
            "/runner/", "runner/");
    private static final Map<String, String> ISOLATED = Map.of(
            "Cross-Origin-Opener-Policy", "same-origin",
            "Cross-Origin-Embedder-Policy", "require-corp",
            "Cross-Origin-Resource-Policy", "same-origin");
    private static final double TIMEOUT_MILLIS = 40_000;

    private BrowserEngine engine;
    private StaticServer isolated;
    private StaticServer plain;

    protected abstract BrowserEngine startEngine();

    @BeforeAll
    void start() throws IOException {
        isolated = StaticServer.start(0, MOUNTS, ISOLATED);
        plain = StaticServer.start(0, MOUNTS);
        engine = startEngine();
    }

    @AfterAll
    void stop() {
        if (engine != null) {
            engine.close();
        }
        for (StaticServer server : new StaticServer[] {isolated, plain}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Override
    protected Map<String, Object> run(String name) {
        return runOn(isolated, name, "run");
    }

    @Test
    void runInWorkerHandsAThreadedProgramToTheThreadsRuntimeToo() {
        Map<String, Object> result = runOn(isolated, "shared_fd", "worker");
        assertEquals(null, result.get("error"), () -> "runInWorker: " + result);
        assertEquals(0.0, result.get("exitCode"));
        assertTrue(((String) result.get("stdout")).endsWith("thread 3: 200 lines in order\n0 broken lines\n"),
                () -> "runInWorker: " + result);
    }

    @Test
    void aPageWithoutIsolationIsToldWhichHeadersToSend() {
        Map<String, Object> result = runOn(plain, "many_threads", "run");
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) result.get("error");
        assertTrue(error != null, () -> "ran without isolation: " + result);
        String message = (String) error.get("message");
        assertTrue(message.contains("not cross-origin isolated") && message.contains("Cross-Origin-Opener-Policy: same-origin")
                && message.contains("Cross-Origin-Embedder-Policy: require-corp"), message);
        assertEquals("", result.get("stdout"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> runOn(StaticServer server, String name, String through) {
        try (BrowserContext context = engine.browser().newContext()) {
            Page page = context.newPage();
            page.setDefaultTimeout(TIMEOUT_MILLIS);
            page.navigate(server.uri().resolve("runner/threads/page.html").toString());
            page.waitForFunction("() => window.checksReady");
            Object json = page.evaluate("([name, through]) => window.runThreadsCase(name, through)", List.of(name, through));
            return new Gson().fromJson((String) json, Map.class);
        }
    }
}

package org.wasipolyfill.browsertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Async mode (JSPI) on a page's main thread, with the guests of src/test/async-c: an echo fed line by line over
 * time, fread over chunks that fill its first iovec, a prompt loop, a 1 s nanosleep measured against wall time while the page's setInterval keeps firing,
 * poll on stdin with a timeout (data first, timeout first), a ReadableStream stdin, abort while waiting for stdin
 * and while sleeping, a failing stdin, traps, a reactor, conformance's clock guests through both namespaces, and
 * WASI.run (runner/async/async-checks.mjs); and the clear error where
 * JSPI is missing (a page that deletes WebAssembly.Suspending before loading the bundle, and Node.js 20).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsyncModeTest {
    private static final String NO_JSPI = "Error: WASI: async mode needs JSPI (WebAssembly.Suspending and"
            + " WebAssembly.promising), which this engine lacks; use the Worker entry point 'wasi-polyfill/worker' instead";

    private Playwright playwright;

    @BeforeAll
    void startPlaywright() {
        playwright = Browsers.playwright();
    }

    @AfterAll
    void stopPlaywright() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void chromiumRunsTheAsyncChecks() {
        asyncChecks(Browsers.chromium(playwright));
    }

    @Test
    void firefoxRunsTheAsyncChecks() {
        asyncChecks(Browsers.firefox(playwright));
    }

    @Test
    void chromiumWithoutJspiSaysSoAndPointsAtTheWorker() {
        noJspi(Browsers.chromium(playwright));
    }

    @Test
    void firefoxWithoutJspiSaysSoAndPointsAtTheWorker() {
        noJspi(Browsers.firefox(playwright));
    }

    @Test
    void nodeWithoutJspiSaysSoAndPointsAtTheWorker() throws IOException, InterruptedException {
        Path dir = Settings.workDir().resolve("async");
        Files.createDirectories(dir);
        for (String file : List.of("runner/async/no-jspi-node.mjs", "wasi-polyfill/wasi-polyfill.mjs")) {
            Files.write(dir.resolve(Path.of(file).getFileName()), GuestCase.resource(file));
        }
        Process node = new ProcessBuilder(Settings.node(), dir.resolve("no-jspi-node.mjs").toString(),
                dir.resolve("wasi-polyfill.mjs").toString()).redirectErrorStream(true).start();
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node timed out");
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, node.exitValue(), output);
        assumeTrue(output.startsWith("no JSPI\n"), "this Node.js has JSPI: " + output);
        assertEquals("no JSPI\n" + NO_JSPI + "\n" + NO_JSPI + "\n", output);
    }

    private void asyncChecks(Browser browser) {
        try (browser) {
            Page page = load(browser, "/runner/async/run.html");
            assertEquals(List.of(), page.evaluate("window.failures"), (String) page.evaluate("window.report"));
        }
    }

    private void noJspi(Browser browser) {
        try (browser) {
            Page page = load(browser, "/runner/async/no-jspi.html");
            // The plain synchronous mode still works there.
            assertEquals(List.of(NO_JSPI, NO_JSPI, NO_JSPI, "0 echo: still\necho: works\n2 lines\n"),
                    page.evaluate("window.outcomes"));
        }
    }

    private Page load(Browser browser, String path) {
        return Browsers.openDonePage(browser, path, 60_000);
    }

}

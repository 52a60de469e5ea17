package org.wasipolyfill.browsertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The public JS API: {@code WASI.run(source, options)} with every kind of source, {@code install()} /
 * {@code uninstall()}, and MemFS as the very tree guests see (runner/api/memfs-checks.mjs, with conformance's
 * fs_tool guest), {@code initialize()} of a reactor, wild pointers trapping with the call's name (conformance's
 * bad_args guest) and the isolation of instances on separate and on shared MemFS, checked by
 * runner/api/api-checks.mjs in Node.js and in Chromium and Firefox; plus a page whose own code is plain
 * WebAssembly (runner/api/install.html) and the script-tag build of the installed npm package
 * (runner/api/script-tag.html).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTest {

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
    void nodeRunsTheApiChecks() throws IOException, InterruptedException {
        Path dir = Settings.workDir().resolve("api");
        Files.createDirectories(dir);
        for (String file : List.of("runner/api/api-checks.mjs", "runner/api/memfs-checks.mjs", "runner/api/api-node.mjs",
                "wasi-polyfill/wasi-polyfill.mjs", "guests/hello.wasm", "guests/fs_tool.wasm",
                "guests/reactors/counter.wasm", "guests/bad_args.wasm")) {
            Files.write(dir.resolve(Path.of(file).getFileName()), GuestCase.resource(file));
        }
        Process node = new ProcessBuilder(Settings.node(), dir.resolve("api-node.mjs").toString(),
                dir.resolve("wasi-polyfill.mjs").toString(), dir.resolve("hello.wasm").toString(),
                dir.resolve("fs_tool.wasm").toString(), dir.resolve("counter.wasm").toString(),
                dir.resolve("bad_args.wasm").toString())
                .redirectErrorStream(true).start();
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node timed out");
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("ok\n", output);
        assertEquals(0, node.exitValue(), output);
    }

    @Test
    void chromiumRunsTheApiChecks() {
        apiChecks(Browsers.chromium(playwright));
    }

    @Test
    void firefoxRunsTheApiChecks() {
        apiChecks(Browsers.firefox(playwright));
    }

    @Test
    void chromiumPageThatOnlyInstallsRunsHello() {
        installPage(Browsers.chromium(playwright));
    }

    @Test
    void firefoxPageThatOnlyInstallsRunsHello() {
        installPage(Browsers.firefox(playwright));
    }

    @Test
    void chromiumScriptTagBuildOfTheInstalledNpmPackageInstallsItselfWithDataInstall() {
        scriptTagPage(Browsers.chromium(playwright));
    }

    @Test
    void firefoxScriptTagBuildOfTheInstalledNpmPackageInstallsItselfWithDataInstall() {
        scriptTagPage(Browsers.firefox(playwright));
    }

    private void apiChecks(Browser browser) {
        try (browser) {
            Page page = browser.newPage();
            List<String> errors = new ArrayList<>();
            page.onPageError(errors::add);
            page.navigate(TestServer.baseUri().resolve("/runner/api/run.html").toString());
            page.waitForFunction("document.title === 'done'", null, new Page.WaitForFunctionOptions().setTimeout(30_000));
            assertEquals(List.of(), errors);
            assertEquals(List.of(), page.evaluate("window.failures"));
        }
    }

    private void installPage(Browser browser) {
        List<String> console = pageOutcome(browser, "/runner/api/install.html", "WASIExitError 3");
        // The default stdout and stderr are the console, a line per message.
        assertEquals(List.of("log: hello", "log: from", "log: a page", "log: (GREETING not set)",
                "error: hello: this line goes to stderr"), console);
    }

    private void scriptTagPage(Browser browser) {
        NpmPackage.installAndServe();
        List<String> console = new ArrayList<>();
        try (browser) {
            Page page = loadPage(browser, "/runner/api/script-tag.html", "WASIExitError 3 MemFS,WASI,install,start,uninstall",
                    console);
            // The page checked every path package.json names (main, exports, ...) against the installed files.
            @SuppressWarnings("unchecked")
            List<String> fields = (List<String>) page.evaluate("window.packageFields");
            assertTrue(fields.containsAll(List.of("main", "exports[.][import]", "exports[.][require]", "exports[.][types]")),
                    "package.json fields checked: " + fields);
            assertEquals(List.of(), page.evaluate("window.packageProblems"));
        }
        assertEquals(List.of("log: hello", "log: from", "log: a script tag", "log: (GREETING not set)",
                "error: hello: this line goes to stderr"), console);
    }

    /** Loads the page, checks window.outcome, and returns its console messages. */
    private List<String> pageOutcome(Browser browser, String path, String expectedOutcome) {
        List<String> console = new ArrayList<>();
        try (browser) {
            loadPage(browser, path, expectedOutcome, console);
        }
        return console;
    }

    /** Loads the page until its title is 'done', checks window.outcome, and collects its console messages. */
    private Page loadPage(Browser browser, String path, String expectedOutcome, List<String> console) {
        Page page = browser.newPage();
        page.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
        Browsers.openDonePage(page, path, 30_000);
        assertEquals(expectedOutcome, page.evaluate("window.outcome"));
        return page;
    }

}

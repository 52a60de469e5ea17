package org.wasipolyfill.browsertests;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs guests in a real browser driven by Playwright, using the system's browser binary (Playwright never
 * downloads one: PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1). The browser is launched once and reused; each case gets a
 * fresh load of the runner page (a fresh JS realm and polyfill instance) and runs on the page's main thread, as
 * a web page would run it. A case that hangs past the timeout gets the browser killed and relaunched
 * (see {@link BrowserProcesses}).
 */
final class BrowserEngine implements Engine {

    private static final double LOAD_TIMEOUT_MILLIS = 30_000;

    private final String name;
    private final Path executable;
    private final Function<Playwright, Browser> launcher;
    private Playwright playwright;
    private Browser browser;
    private Page page;
    private BrowserProcesses processes;

    private BrowserEngine(String name, Path executable, Function<Playwright, Browser> launcher) {
        this.name = name;
        this.executable = executable;
        this.launcher = launcher;
    }

    /** Debian's Chromium over the Chrome DevTools Protocol. */
    static BrowserEngine chromium() {
        Path executable = Settings.chromium();
        return new BrowserEngine("chromium", executable, Browsers::chromium);
    }

    /** Debian's stock Firefox ESR over WebDriver BiDi (Playwright's "moz-firefox" channel, no patched build). */
    static BrowserEngine firefox() {
        Path executable = Settings.firefox();
        return new BrowserEngine("firefox", executable, Browsers::firefox);
    }

    @Override
    public String name() {
        return name;
    }

    /** The browser's version, e.g. "156.0.8078.79"; launches the browser if needed. */
    String version() {
        ensureLaunched();
        return browser.version();
    }

    @Override
    public RunResult run(String caseName) {
        ensureLaunched();
        long timeout = Settings.caseTimeoutMillis();
        try (BrowserProcesses.Watch watch = processes.watch(timeout)) {
            try {
                return runOnPage(caseName, timeout);
            } catch (PlaywrightException e) {
                relaunch();
                return RunResult.failure(watch.fired()
                        ? "timed out after " + timeout + " ms (browser killed and relaunched)"
                        : name + " failed: " + e.getMessage());
            }
        }
    }

    private RunResult runOnPage(String caseName, long timeout) {
        page.navigate(TestServer.baseUri().resolve("runner/index.html").toString());
        page.waitForFunction("() => window.runnerReady || window.runnerError", null,
                new Page.WaitForFunctionOptions().setTimeout(LOAD_TIMEOUT_MILLIS));
        Object loadError = page.evaluate("() => window.runnerError ?? null");
        if (loadError != null) {
            return RunResult.failure(loadError.toString());
        }
        // Start the case without awaiting it here, then poll for its result.
        page.evaluate("name => {"
                + "  window.caseResult = undefined;"
                + "  window.runCase(name).then("
                + "    r => { window.caseResult = JSON.stringify(r); },"
                + "    e => { window.caseResult = JSON.stringify({ exitCode: null, error: String(e) }); });"
                + "}", caseName);
        // The watchdog in run() normally ends a hung case first; this timeout is the fallback.
        Object json = page.waitForFunction("() => window.caseResult", null,
                new Page.WaitForFunctionOptions().setTimeout(timeout + 10_000).setPollingInterval(5))
                .jsonValue();
        return RunResult.fromJson(json.toString());
    }

    /** The launched browser, for tests that drive their own pages (the playground's). */
    Browser browser() {
        ensureLaunched();
        return browser;
    }

    private void ensureLaunched() {
        if (browser != null && browser.isConnected()) {
            return;
        }
        SystemBrowsers.requireExecutable(name, executable);
        if (playwright == null) {
            playwright = Browsers.playwright();
        }
        Set<Long> before = BrowserProcesses.snapshot();
        browser = launcher.apply(playwright);
        processes = BrowserProcesses.startedSince(before);
        page = browser.newPage();
    }

    /** After a hang or a crash: kill first, so that closing cannot wait on a stuck browser. */
    private void relaunch() {
        processes.kill();
        closeBrowser();
        ensureLaunched();
    }

    private void closeBrowser() {
        if (browser != null) {
            try {
                browser.close();
            } catch (PlaywrightException e) {
                processes.kill(); // already gone, or stuck: make sure nothing is left running
            }
            browser = null;
            page = null;
        }
    }

    @Override
    public void close() {
        closeBrowser();
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }
}

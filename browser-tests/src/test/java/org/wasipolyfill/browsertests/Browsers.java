package org.wasipolyfill.browsertests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How every test starts Playwright, launches the system's browsers and waits for a self-checking page. */
final class Browsers {
    private Browsers() {}

    /** Playwright that never downloads a browser: the system's are used. */
    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** Debian's Chromium over the Chrome DevTools Protocol. */
    static Browser chromium(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Settings.chromium())
                // No sandbox (root in CI); no background traffic (the network is closed: only loopback).
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    /** Debian's stock Firefox ESR over WebDriver BiDi (Playwright's "moz-firefox" channel, no patched build). */
    static Browser firefox(Playwright playwright) {
        return playwright.firefox().launch(new BrowserType.LaunchOptions()
                .setChannel("moz-firefox")
                .setExecutablePath(Settings.firefox()));
    }

    /**
     * Opens {@code path} of the test server in a new page and waits until the page sets its title to
     * 'done'; fails if the page threw anything meanwhile.
     */
    static Page openDonePage(Browser browser, String path, double timeoutMillis) {
        return openDonePage(browser.newPage(), path, timeoutMillis);
    }

    /** The same, in a page the caller has made (to listen to its console first). */
    static Page openDonePage(Page page, String path, double timeoutMillis) {
        List<String> errors = new ArrayList<>();
        page.onPageError(errors::add);
        page.navigate(TestServer.baseUri().resolve(path).toString());
        page.waitForFunction("document.title === 'done'", null,
                new Page.WaitForFunctionOptions().setTimeout(timeoutMillis));
        assertEquals(List.of(), errors);
        return page;
    }
}

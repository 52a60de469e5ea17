package org.wasipolyfill.browsertests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.ArrayList;
import java.util.List;

/**
 * How every test starts Playwright, launches the system's browsers (as {@link SystemBrowsers} does, at the paths of
 * {@link Settings}) and waits for a self-checking page.
 */
final class Browsers {
    private Browsers() {}

    static Playwright playwright() {
        return SystemBrowsers.playwright();
    }

    static Browser chromium(Playwright playwright) {
        return SystemBrowsers.chromium(playwright, Settings.chromium());
    }

    static Browser firefox(Playwright playwright) {
        return SystemBrowsers.firefox(playwright, Settings.firefox());
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

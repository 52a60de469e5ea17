package org.wasipolyfill.bench;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Path;
import org.wasipolyfill.browsertests.SystemBrowsers;
import org.wasipolyfill.webdemo.StaticServer;

/**
 * Runs the benchmark page in headless Firefox: the system's ESR over WebDriver BiDi (Playwright's "moz-firefox"
 * channel, so no patched build and no download). Firefox gives a page no way to force a garbage collection and
 * BiDi no memory or profiling domain, so samples are taken without the driver's gc() and peak memory is not
 * measured.
 */
final class FirefoxEngine {

    private FirefoxEngine() {
    }

    static JsonObject run(Path benchDir, Options options) throws IOException {
        try (StaticServer server = BenchSite.serve(benchDir);
                Playwright playwright = SystemBrowsers.playwright();
                Browser browser = SystemBrowsers.firefox(playwright, Settings.firefox())) {
            Page page = browser.newPage();
            BenchPage.load(page, server.uri(), "firefox");
            JsonObject result = BenchPage.run(page, "firefox", options);
            result.getAsJsonObject("engine").addProperty("version", browser.version());
            return result;
        }
    }
}

package org.wasipolyfill.bench;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wasipolyfill.browsertests.SystemBrowsers;
import org.wasipolyfill.webdemo.StaticServer;

/**
 * Runs the benchmark page in headless Chromium (the system's binary, launched as the browser tests launch it:
 * {@link SystemBrowsers}). The whole benchmark runs in one page load, on the page's main thread.
 */
final class ChromiumEngine {

    private ChromiumEngine() {
    }

    static JsonObject run(Path benchDir, Options options) throws IOException {
        try (StaticServer server = BenchSite.serve(benchDir);
                Playwright playwright = SystemBrowsers.playwright();
                // The browser tests' flags, plus a callable gc() for the driver.
                Browser browser = SystemBrowsers.chromium(playwright, Settings.chromium(), "--js-flags=--expose-gc")) {
            BrowserContext context = browser.newContext();
            Page page = context.newPage();
            CDPSession pageSession = context.newCDPSession(page);
            RendererMemory memory = new RendererMemory(browser.newBrowserCDPSession(), pageSession);
            page.exposeFunction("benchMemoryBegin", args -> {
                memory.begin();
                return "ok";
            });
            page.exposeFunction("benchMemoryEnd", args -> memory.endJson());
            BenchPage.load(page, server.uri(), "chromium");

            if (options.profileDir() != null) {
                JsonObject interval = new JsonObject();
                interval.addProperty("interval", 100); // microseconds
                pageSession.send("Profiler.enable");
                pageSession.send("Profiler.setSamplingInterval", interval);
                pageSession.send("Profiler.start");
            }
            JsonObject result = BenchPage.run(page, "chromium", options);
            if (options.profileDir() != null) {
                JsonObject stopped = pageSession.send("Profiler.stop");
                Files.writeString(Settings.createDirectories(options.profileDir()).resolve("chromium.cpuprofile"),
                        stopped.get("profile").toString());
            }
            result.getAsJsonObject("engine").addProperty("version", browser.version());
            return result;
        }
    }
}

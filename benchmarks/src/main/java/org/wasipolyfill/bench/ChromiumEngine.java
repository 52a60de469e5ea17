package org.wasipolyfill.bench;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmark page in headless Chromium (the system's binary, driven by Playwright over CDP; Playwright
 * never downloads a browser). The whole benchmark runs in one page load, on the page's main thread.
 */
final class ChromiumEngine {

    /** The flags of the browser tests, plus a callable gc() for the driver. */
    static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            "--js-flags=--expose-gc");

    private ChromiumEngine() {
    }

    static JsonObject run(Path benchDir, Options options) throws IOException {
        Path executable = Settings.chromium();
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("chromium not found at " + executable
                    + " (run scripts/install-system-deps, or set CHROMIUM_PATH)");
        }
        try (BenchServer server = BenchServer.start(benchDir);
                Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(executable)
                        .setArgs(ARGS))) {
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

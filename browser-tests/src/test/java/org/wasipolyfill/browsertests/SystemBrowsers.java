package org.wasipolyfill.browsertests;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the browser tests and the benchmarks launch the system's browsers through Playwright, which never downloads
 * one. Shipped in this module's test-jar for the benchmarks.
 */
public final class SystemBrowsers {
    /** No sandbox (root in CI); no background traffic (the network is closed: only loopback). */
    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic");

    private SystemBrowsers() {}

    /** Playwright that never downloads a browser: the system's are used. */
    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** Debian's Chromium at {@code executable}, over the Chrome DevTools Protocol, with {@code extraArgs}. */
    public static Browser chromium(Playwright playwright, Path executable, String... extraArgs) {
        List<String> args = new ArrayList<>(CHROMIUM_ARGS);
        args.addAll(List.of(extraArgs));
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(requireExecutable("chromium", executable))
                .setArgs(args));
    }

    /** Debian's stock Firefox ESR at {@code executable}, over WebDriver BiDi (the "moz-firefox" channel). */
    public static Browser firefox(Playwright playwright, Path executable) {
        return playwright.firefox().launch(new BrowserType.LaunchOptions()
                .setChannel("moz-firefox")
                .setExecutablePath(requireExecutable("firefox", executable)));
    }

    /** {@code executable}, or an error saying how to install the browser {@code name} or point at it. */
    public static Path requireExecutable(String name, Path executable) {
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException(name + " not found at " + executable
                    + " (run scripts/install-system-deps, or set " + name.toUpperCase(Locale.ROOT) + "_PATH)");
        }
        return executable;
    }
}

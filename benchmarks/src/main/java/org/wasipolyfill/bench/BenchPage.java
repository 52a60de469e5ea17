package org.wasipolyfill.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The benchmark page (index.html and page.mjs) in a browser: loaded once, then the whole run in one call. */
final class BenchPage {

    private BenchPage() {
    }

    /** Loads the page and waits until page.mjs is ready; the page's console goes to stderr, tagged with the engine. */
    static void load(Page page, URI server, String engine) {
        page.onConsoleMessage(message -> System.err.println("[" + engine + "] " + message.text()));
        page.onPageError(error -> System.err.println("[" + engine + "] page error: " + error));
        page.navigate(server.resolve("index.html").toString());
        page.waitForFunction("() => window.benchReady", null, new Page.WaitForFunctionOptions().setTimeout(60_000));
    }

    /** Runs the benchmark on the loaded page (window.runBench) and returns its result. */
    static JsonObject run(Page page, String engine, Options options) {
        Map<String, Object> arg = new HashMap<>();
        arg.put("engine", engine);
        arg.put("divisor", options.divisor());
        arg.put("samples", options.samples());
        arg.put("warmup", options.warmup());
        if (options.workloads() != null) {
            arg.put("workloads", options.workloads());
        }
        if (options.hosts() != null) {
            arg.put("hosts", options.hosts());
        }
        if (options.sinks() != null) {
            arg.put("sinks", options.sinks());
        }
        Object json = page.evaluate("options => window.runBench(options)", arg);
        return JsonParser.parseString(json.toString()).getAsJsonObject();
    }
}

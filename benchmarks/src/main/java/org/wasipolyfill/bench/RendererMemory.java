package org.wasipolyfill.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Peak memory of Chromium's renderer over one run, seen from outside the page (the run is synchronous: nothing
 * inside the page can sample it): before the run, a critical memory-pressure signal and a full GC return freed
 * memory to the OS, then Linux's peak-RSS counter (VmHWM) is reset to the current RSS (clear_refs = 5); after
 * the run, the counter's growth is the peak. Every renderer is measured and the largest growth wins (the page's).
 */
final class RendererMemory {

    private static final Pattern KB = Pattern.compile("(\\d+) kB");

    private final CDPSession browserSession;
    private final CDPSession pageSession;
    private final Map<Long, Long> baseline = new HashMap<>();

    RendererMemory(CDPSession browserSession, CDPSession pageSession) {
        this.browserSession = browserSession;
        this.pageSession = pageSession;
    }

    /** Renderer process ids, from CDP's SystemInfo domain. */
    List<Long> renderers() {
        JsonObject info = browserSession.send("SystemInfo.getProcessInfo");
        List<Long> pids = new ArrayList<>();
        for (JsonElement process : info.getAsJsonArray("processInfo")) {
            JsonObject p = process.getAsJsonObject();
            if ("renderer".equals(p.get("type").getAsString())) {
                pids.add(p.get("id").getAsLong());
            }
        }
        return pids;
    }

    void begin() {
        baseline.clear();
        JsonObject critical = new JsonObject();
        critical.addProperty("level", "critical");
        pageSession.send("Memory.simulatePressureNotification", critical);
        pageSession.send("HeapProfiler.collectGarbage");
        sleep(200);
        for (long pid : renderers()) {
            Path status = Path.of("/proc/" + pid + "/status");
            try {
                Files.writeString(Path.of("/proc/" + pid + "/clear_refs"), "5");
                Long rss = statusKb(status, "VmRSS");
                if (rss != null) {
                    baseline.put(pid, rss);
                }
            } catch (IOException | SecurityException e) {
                // not Linux, or not allowed: this renderer is not measured
            }
        }
    }

    /** {"peakBytes": n, "how": "..."} as JSON, or "null" when nothing could be measured. */
    String endJson() {
        long peak = -1;
        for (Map.Entry<Long, Long> entry : baseline.entrySet()) {
            try {
                Long hwm = statusKb(Path.of("/proc/" + entry.getKey() + "/status"), "VmHWM");
                if (hwm != null) {
                    peak = Math.max(peak, (hwm - entry.getValue()) * 1024);
                }
            } catch (IOException e) {
                // the renderer is gone
            }
        }
        if (peak < 0) {
            return "null";
        }
        JsonObject result = new JsonObject();
        result.addProperty("peakBytes", peak);
        result.addProperty("how", "renderer peak RSS growth (VmHWM after clear_refs, memory pressure + GC first)");
        return result.toString();
    }

    private static Long statusKb(Path status, String field) throws IOException {
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(field + ":")) {
                Matcher m = KB.matcher(line);
                return m.find() ? Long.parseLong(m.group(1)) : null;
            }
        }
        return null;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.wasipolyfill.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Combines the engines' results into bench-results.json and bench-results.md, and decides whether the run
 * passed: every host completed every workload, and each workload's checksum is the same under every host and in
 * every engine. The targets (ours at most 1.2x the limit host for stdout and fd_tell, 1.5x for the rest, and
 * faster than browser_wasi_shim; peak memory at most 1.5x the file) are reported, not enforced.
 */
final class Report {

    static final String LIMIT = "limit";
    static final String OURS = "ours";
    static final String SHIM = "browser_wasi_shim";
    static final double TARGET_RATIO = 1.5;
    static final double TARGET_RATIO_STDOUT_TELL = 1.2;
    static final double TARGET_MEMORY_RATIO = 1.5;
    private static final Map<String, String> SINK_TITLES = Map.of(
            "keep", "the callback keeps each chunk",
            "copy", "the callback copies each chunk into its own buffer (user-shaped)");

    private final Options options;
    private final Map<String, JsonObject> engines = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();
    private final String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

    Report(Options options) {
        this.options = options;
    }

    void add(String engine, JsonObject result) {
        engines.put(engine, result);
        for (JsonElement error : result.getAsJsonArray("errors")) {
            errors.add(engine + ": " + error.getAsString());
        }
    }

    void failed(String engine, String why) {
        errors.add(engine + ": " + why);
    }

    boolean ok() {
        return errors().isEmpty() && !engines.isEmpty();
    }

    /** The engines' own errors, then any checksum that differs between engines. */
    List<String> errors() {
        List<String> all = new ArrayList<>(errors);
        all.addAll(acrossEngines());
        return all;
    }

    /** Checksums are deterministic, so they must also agree between Node and Chromium. */
    private List<String> acrossEngines() {
        List<String> found = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        Map<String, String> seenIn = new LinkedHashMap<>();
        engines.forEach((engine, result) -> {
            for (JsonElement w : result.getAsJsonArray("workloads")) {
                JsonObject workload = w.getAsJsonObject();
                String id = workload.get("id").getAsString();
                if (workload.get("checksum") == null || workload.get("checksum").isJsonNull()) {
                    continue;
                }
                String checksum = workload.get("checksum").getAsString();
                String before = seen.putIfAbsent(id, checksum);
                seenIn.putIfAbsent(id, engine);
                if (before != null && !before.equals(checksum)) {
                    found.add(id + ": checksum in " + engine + " (" + checksum + ") differs from "
                            + seenIn.get(id) + " (" + before + ")");
                }
            }
        });
        return found;
    }

    void write(Path dir) throws IOException {
        Settings.createDirectories(dir);
        Files.writeString(dir.resolve("bench-results.json"), new GsonBuilder().setPrettyPrinting().create().toJson(json()));
        Files.writeString(dir.resolve("bench-results.md"), markdown());
    }

    JsonObject json() {
        JsonObject root = new JsonObject();
        root.addProperty("date", date);
        root.add("machine", Machine.describe());
        root.addProperty("mode", options.mode());
        root.addProperty("divisor", options.divisor());
        root.addProperty("samples", options.samples());
        root.addProperty("warmup", options.warmup());
        JsonObject byEngine = new JsonObject();
        engines.forEach(byEngine::add);
        root.add("engines", byEngine);
        root.addProperty("ok", ok());
        JsonArray errorList = new JsonArray();
        errors().forEach(errorList::add);
        root.add("errors", errorList);
        return root;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        JsonObject machine = Machine.describe();
        md.append("Benchmark run of ").append(date.replace('T', ' ').replace("Z", " UTC")).append(", ")
                .append(options.mode()).append(" mode (sizes / ").append(options.divisor()).append(", ")
                .append(options.warmup()).append(" warmup + ").append(options.samples()).append(" recorded rounds), on ")
                .append(machine.get("summary").getAsString()).append(".\n\n");
        md.append("Times are the median (minimum) of the samples in ms; ratios are to the limit host with the same "
                + "stdout callback in the same run, median (minimum). \"Target\": ours at most ")
                .append(TARGET_RATIO_STDOUT_TELL).append("x the limit host for stdout and fd_tell (issue 19), at most ")
                .append(TARGET_RATIO).append("x for the rest (issue 5), and faster than browser_wasi_shim.\n");
        engines.forEach((engine, result) -> engineTable(md, engine, result));
        md.append('\n').append(ok() ? "Checksums agree across hosts and engines; every host completed every workload.\n"
                : "**The run FAILED:**\n");
        for (String error : errors()) {
            md.append("- ").append(error).append('\n');
        }
        return md.toString();
    }

    private void engineTable(StringBuilder md, String engine, JsonObject result) {
        JsonObject info = result.getAsJsonObject("engine");
        String title = switch (engine) {
            case "node" -> "Node.js ";
            case "chromium" -> "Chromium ";
            default -> "Firefox ";
        } + str(info, "version");
        Map<String, List<JsonObject>> bySink = new LinkedHashMap<>();
        for (JsonElement h : result.getAsJsonArray("hosts")) {
            JsonObject host = h.getAsJsonObject();
            bySink.computeIfAbsent(host.get("sink").getAsString(), k -> new ArrayList<>()).add(host);
        }
        StringBuilder memory = new StringBuilder();
        bySink.forEach((sink, hosts) -> {
            md.append("\n### ").append(title).append(", ").append(SINK_TITLES.getOrDefault(sink, sink)).append("\n\n");
            sinkTable(md, memory, result, hosts);
        });
        md.append(memory);
    }

    /** One table: the hosts measured with one stdout callback, each entry's ratio to the limit host's. */
    private static void sinkTable(StringBuilder md, StringBuilder memory, JsonObject result, List<JsonObject> hosts) {
        Map<String, String> entries = new LinkedHashMap<>(); // host -> its entry in the slots
        Map<String, String> labels = new LinkedHashMap<>();
        for (JsonObject host : hosts) {
            String name = host.get("host").getAsString();
            entries.put(name, host.get("name").getAsString());
            String version = host.get("version") == null || host.get("version").isJsonNull() ? ""
                    : " " + host.get("version").getAsString();
            labels.put(name, name + version);
        }
        md.append("| Workload |");
        for (String host : entries.keySet()) {
            md.append(' ').append(labels.get(host)).append(" |");
            if (!host.equals(LIMIT)) {
                md.append(' ').append(host.equals(SHIM) ? "shim" : host).append(" / limit |");
            }
        }
        boolean target = entries.containsKey(OURS);
        md.append(target ? " Target |\n" : "\n");
        md.append("|---|");
        for (String host : entries.keySet()) {
            md.append("---:|").append(host.equals(LIMIT) ? "" : "---:|");
        }
        md.append(target ? ":---|\n" : "\n");

        for (JsonElement w : result.getAsJsonArray("workloads")) {
            JsonObject workload = w.getAsJsonObject();
            JsonObject slots = workload.getAsJsonObject("hosts");
            md.append("| ").append(workload.get("title").getAsString()).append(" |");
            for (String host : entries.keySet()) {
                JsonObject slot = slots.getAsJsonObject(entries.get(host));
                if (slot.get("error") != null && !slot.get("error").isJsonNull()) {
                    md.append(" failed |").append(host.equals(LIMIT) ? "" : " – |");
                    continue;
                }
                md.append(' ').append(ms(slot.get("medianMs").getAsDouble())).append(" (")
                        .append(ms(slot.get("minMs").getAsDouble())).append(") |");
                if (!host.equals(LIMIT)) {
                    md.append(' ').append(ratio(slot, "ratioMedian")).append(" (").append(ratio(slot, "ratioMin"))
                            .append(") |");
                }
            }
            if (target) {
                md.append(' ').append(targetVerdict(workload.get("id").getAsString(), slots.getAsJsonObject(
                        entries.get(OURS)), entries.containsKey(SHIM) ? slots.getAsJsonObject(entries.get(SHIM)) : null))
                        .append(" |");
            }
            md.append('\n');
            if (workload.has("fileBytes") && memory.isEmpty()) {
                memoryLine(memory, workload, entries, labels);
            }
        }
    }

    private static void memoryLine(StringBuilder out, JsonObject workload, Map<String, String> entries,
            Map<String, String> labels) {
        long fileBytes = workload.get("fileBytes").getAsLong();
        out.append("\nPeak memory in the file workload (").append(mib(fileBytes)).append(" file): ");
        List<String> parts = new ArrayList<>();
        String how = null;
        for (String host : entries.keySet()) {
            JsonObject slot = workload.getAsJsonObject("hosts").getAsJsonObject(entries.get(host));
            JsonObject mem = slot.getAsJsonObject("memory");
            if (mem == null || mem.get("peakBytes") == null || mem.get("peakBytes").isJsonNull()) {
                parts.add(labels.get(host) + " not measured");
                continue;
            }
            how = mem.get("how").getAsString();
            double r = mem.get("ratioToFileSize").getAsDouble();
            String verdict = host.equals(OURS) ? (r <= TARGET_MEMORY_RATIO ? ", on target" : ", over the 1.5x target") : "";
            parts.add(labels.get(host) + " +" + mib(mem.get("peakBytes").getAsLong())
                    + String.format(Locale.ROOT, " (%.2fx the file%s)", r, verdict));
        }
        out.append(String.join("; ", parts)).append('.');
        if (how != null) {
            out.append(" Measured as ").append(how).append('.');
        }
        out.append('\n');
    }

    private static String targetVerdict(String workload, JsonObject ours, JsonObject shim) {
        if (ours == null || ours.get("ratioMedian") == null) {
            return "–";
        }
        List<String> misses = new ArrayList<>();
        double limit = targetRatio(workload);
        if (ours.get("ratioMedian").getAsDouble() > limit) {
            misses.add("> " + limit + "x limit");
        }
        if (shim != null && shim.get("medianMs") != null
                && ours.get("medianMs").getAsDouble() >= shim.get("medianMs").getAsDouble()) {
            misses.add("not faster than shim");
        }
        return misses.isEmpty() ? "met" : "missed: " + String.join(", ", misses);
    }

    /** stdout and fd_tell are held to the tighter bound. */
    static double targetRatio(String workload) {
        return workload.equals("stdout") || workload.equals("tell") ? TARGET_RATIO_STDOUT_TELL : TARGET_RATIO;
    }

    private static String ratio(JsonObject slot, String field) {
        JsonElement value = slot.get(field);
        return value == null || value.isJsonNull() ? "?" : String.format(Locale.ROOT, "%.2fx", value.getAsDouble());
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    private static String str(JsonObject o, String field) {
        return o != null && o.get(field) != null && !o.get(field).isJsonNull() ? o.get(field).getAsString() : "?";
    }
}

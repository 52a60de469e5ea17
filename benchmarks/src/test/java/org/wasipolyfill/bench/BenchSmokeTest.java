package org.wasipolyfill.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's smoke mode in the normal build: every workload at 1/64 of its size, one round, under every host
 * with both stdout callbacks, in Node, Chromium and Firefox. It proves the benchmark still works and every host
 * computes the same checksums; it asserts nothing about timing (a loaded CI machine must not fail the build).
 */
class BenchSmokeTest {

    /** Every host with each callback: "+copy" copies each chunk into a buffer of its own. */
    private static final List<String> HOSTS = List.of("limit", "ours", "browser_wasi_shim",
            "limit+copy", "ours+copy", "browser_wasi_shim+copy");

    @Test
    void smokeRunCompletesUnderEveryHostInEveryEngineWithAgreeingChecksums() throws Exception {
        Path out = Path.of(System.getProperty("bench.out", "target/bench-smoke"));
        Report report = Bench.run(Options.parse("--mode", "smoke", "--out", out.toString()));

        assertTrue(report.ok(), () -> "smoke run failed (see " + out.resolve("bench-results.md") + "):\n"
                + String.join("\n", report.errors()));
        JsonObject json = report.json();
        JsonObject engines = json.getAsJsonObject("engines");
        assertEquals(List.of("node", "chromium", "firefox"), List.copyOf(engines.keySet()));
        for (String engine : engines.keySet()) {
            JsonObject result = engines.getAsJsonObject(engine);
            assertEquals(9, result.getAsJsonArray("workloads").size(), engine + ": every workload ran");
            assertEquals(HOSTS.size(), result.getAsJsonArray("hosts").size(), engine + ": every host, both callbacks");
            for (JsonElement w : result.getAsJsonArray("workloads")) {
                JsonObject workload = w.getAsJsonObject();
                String id = engine + " " + workload.get("id").getAsString();
                assertTrue(workload.get("checksumsAgree").getAsBoolean(), id + ": checksums agree");
                for (String host : HOSTS) {
                    JsonObject slot = workload.getAsJsonObject("hosts").getAsJsonObject(host);
                    assertTrue(slot.get("error").isJsonNull(), id + " / " + host + ": " + slot.get("error"));
                    assertEquals(1, slot.getAsJsonArray("samplesMs").size(), id + " / " + host + ": one sample");
                }
            }
        }
    }
}

package org.wasipolyfill.bench;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's entry point (benchmarks/bench.sh runs it through mvn exec:java): runs the workloads under every
 * host in each engine, then writes bench-results.json and bench-results.md into --out and prints the table.
 * Exits with 1 when a host failed a workload or the checksums disagree; timing never fails a run.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Report report = run(options);
        System.out.println(report.markdown());
        System.out.println("results: " + options.out().resolve("bench-results.json").toAbsolutePath()
                + " and bench-results.md");
        if (!report.ok()) {
            System.exit(1);
        }
    }

    /** Runs the engines one after the other (never two at once: they would compete for the cores). */
    static Report run(Options options) throws IOException, InterruptedException {
        Path benchDir = Settings.benchDir();
        if (options.polyfill() != null) {
            usePolyfill(options.polyfill(), benchDir);
        }
        Report report = new Report(options);
        boolean ours = options.hosts() == null || options.hosts().contains(Report.OURS);
        if (ours && !Files.isRegularFile(Settings.polyfill(benchDir))) {
            report.failed("setup", Settings.polyfill(benchDir) + " is missing (the teavm-frontend jar provides it;"
                    + " or pass --polyfill teavm-frontend/target/dist/wasi-polyfill.mjs)");
        } else {
            for (String engine : options.engines()) {
                System.err.println("== " + engine + ": " + options.mode() + " mode, sizes / " + options.divisor() + ", "
                        + options.warmup() + " warmup + " + options.samples() + " recorded rounds");
                try {
                    JsonObject result = switch (engine) {
                        case "node" -> NodeEngine.run(benchDir, options);
                        case "chromium" -> ChromiumEngine.run(benchDir, options);
                        default -> FirefoxEngine.run(benchDir, options);
                    };
                    report.add(engine, result);
                } catch (IOException | RuntimeException e) {
                    report.failed(engine, e.toString());
                }
            }
        }
        report.write(options.out());
        if (options.profileDir() != null) {
            summarizeProfiles(benchDir, options.profileDir());
        }
        return report;
    }

    private static void usePolyfill(Path bundle, Path benchDir) throws IOException {
        Path target = Settings.polyfill(benchDir);
        Files.createDirectories(target.getParent());
        Files.copy(bundle, target, StandardCopyOption.REPLACE_EXISTING);
        Path map = bundle.resolveSibling(bundle.getFileName() + ".map");
        if (Files.isRegularFile(map)) {
            Files.copy(map, target.resolveSibling(target.getFileName() + ".map"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes <profile>.txt next to each .cpuprofile: top functions, mapped back to the Java sources. */
    private static void summarizeProfiles(Path benchDir, Path profileDir) throws IOException, InterruptedException {
        List<Path> profiles;
        try (var files = Files.list(profileDir)) {
            profiles = files.filter(p -> p.toString().endsWith(".cpuprofile")).sorted().toList();
        }
        String sources = System.getProperty("bench.javaSources", "");
        for (Path profile : profiles) {
            List<String> command = new ArrayList<>(List.of(Settings.node(),
                    benchDir.resolve("tools/profile-summary.mjs").toString(), profile.toString(),
                    "--map", Settings.polyfill(benchDir) + ".map", "--sources", sources, "--top", "40"));
            Path summary = profile.resolveSibling(profile.getFileName() + ".txt");
            int exit = new ProcessBuilder(command).redirectOutput(summary.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start().waitFor();
            System.err.println("profile: " + profile + (exit == 0 ? " -> " + summary : " (summary failed)"));
        }
    }
}

package org.wasipolyfill.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What to run. Two modes set the defaults: "full" (issue 5's sizes, 1 warmup round and 5 recorded rounds) and
 * "smoke" (1/64 of the sizes, one recorded round: a correctness check that takes seconds).
 */
record Options(
        String mode,
        int divisor,
        int samples,
        int warmup,
        List<String> engines,
        List<String> workloads,
        List<String> hosts,
        List<String> sinks,
        Path out,
        Path polyfill,
        Path profileDir) {

    static final List<String> ENGINES = List.of("node", "chromium", "firefox");
    static final List<String> SINKS = List.of("keep", "copy");

    static final String USAGE = String.join("\n",
            "usage: Bench [--mode full|smoke] [--engines node,chromium,firefox] [--samples N] [--warmup N] [--divisor N]",
            "             [--workloads stdout,file,clock,tell,seek,read,meta,startup,random] [--hosts limit,ours,ours-async,browser_wasi_shim]",
            "             [--sinks keep,copy] [--out DIR] [--polyfill wasi-polyfill.mjs] [--profile DIR]",
            "  --mode      full: issue 5's sizes, 1 warmup + 5 samples (default); smoke: sizes / 64, 1 sample",
            "  --sinks     the stdout callbacks: keep (holds each chunk) and copy (copies each chunk into its own",
            "              buffer grown by doubling, as a page collecting output does); default both",
            "  --out       where bench-results.json and bench-results.md go (default: benchmarks/target)",
            "  --polyfill  a wasi-polyfill.mjs to use instead of the teavm-frontend jar's (its .map is copied too)",
            "  --profile   also record CPU profiles (Node --cpu-prof, Chromium's CDP Profiler) and their summaries",
            "              into DIR; use with --hosts ours to profile this polyfill alone (the limit host always runs)");

    static Options parse(String... args) {
        String mode = "full";
        Integer divisor = null;
        Integer samples = null;
        Integer warmup = null;
        List<String> engines = ENGINES;
        List<String> workloads = null;
        List<String> hosts = null;
        List<String> sinks = null;
        Path out = Path.of(System.getProperty("bench.outDir", "target"));
        Path polyfill = null;
        Path profileDir = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + name + "\n" + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--mode" -> mode = value;
                case "--divisor" -> divisor = Integer.parseInt(value);
                case "--samples" -> samples = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--engines" -> engines = list(value);
                case "--workloads" -> workloads = list(value);
                case "--hosts" -> hosts = list(value);
                case "--sinks" -> sinks = list(value);
                case "--out" -> out = Path.of(value);
                case "--polyfill" -> polyfill = Path.of(value);
                case "--profile" -> profileDir = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        boolean smoke = switch (mode) {
            case "full" -> false;
            case "smoke" -> true;
            default -> throw new IllegalArgumentException("--mode must be full or smoke\n" + USAGE);
        };
        for (String engine : engines) {
            if (!ENGINES.contains(engine)) {
                throw new IllegalArgumentException("unknown engine " + engine + "\n" + USAGE);
            }
        }
        for (String sink : sinks != null ? sinks : SINKS) {
            if (!SINKS.contains(sink)) {
                throw new IllegalArgumentException("unknown sink " + sink + "\n" + USAGE);
            }
        }
        return new Options(mode,
                divisor != null ? divisor : smoke ? 64 : 1,
                samples != null ? samples : smoke ? 1 : 5,
                warmup != null ? warmup : smoke ? 0 : 1,
                engines, workloads, hosts, sinks, out, polyfill, profileDir);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}

package org.wasipolyfill.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs node-main.mjs in a fresh Node.js process; its progress goes to this process's stderr. */
final class NodeEngine {

    private static final String RESULT_PREFIX = "@@result ";

    private NodeEngine() {
    }

    static JsonObject run(Path benchDir, Options options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Settings.node(), "--expose-gc"));
        if (options.profileDir() != null) {
            command.addAll(List.of("--cpu-prof", "--cpu-prof-interval", "100",
                    "--cpu-prof-dir", options.profileDir().toAbsolutePath().toString(),
                    "--cpu-prof-name", "node.cpuprofile"));
        }
        command.add(benchDir.resolve("node-main.mjs").toString());
        command.addAll(List.of("--divisor", Integer.toString(options.divisor()),
                "--samples", Integer.toString(options.samples()),
                "--warmup", Integer.toString(options.warmup())));
        if (options.workloads() != null) {
            command.addAll(List.of("--workloads", String.join(",", options.workloads())));
        }
        if (options.hosts() != null) {
            command.addAll(List.of("--hosts", String.join(",", options.hosts())));
        }
        if (options.sinks() != null) {
            command.addAll(List.of("--sinks", String.join(",", options.sinks())));
        }
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        process.getOutputStream().close();
        String result = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(RESULT_PREFIX)) {
                    result = line.substring(RESULT_PREFIX.length());
                } else {
                    System.err.println("[node] " + line);
                }
            }
        }
        int exit = process.waitFor();
        if (result == null) {
            throw new IOException("node exited with code " + exit + " without a result: " + String.join(" ", command));
        }
        return JsonParser.parseString(result).getAsJsonObject();
    }
}

package org.wasipolyfill.browsertests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs guests in Node.js: one long-lived {@code node runner/node-runner.mjs} process that runs each case in a fresh
 * worker thread. The runner scripts and the polyfill bundle are copied from the classpath into a work folder.
 */
final class NodeEngine implements Engine {

    private static final String RESULT_PREFIX = "@@result ";
    private static final List<String> FILES = List.of(
            "runner/node-runner.mjs", "runner/node-worker.mjs", "runner/run-guest.mjs",
            "wasi-polyfill/wasi-polyfill.mjs", "wasi-polyfill/wasi-polyfill.mjs.map");

    private final Path dir = Settings.workDir().resolve("node");
    private Process process;
    private Writer toRunner;
    private BlockingQueue<String> results;
    private String loadError;

    NodeEngine() {
        try {
            for (String file : FILES) {
                byte[] bytes = GuestCase.resource(file);
                Path target = dir.resolve(file);
                if (bytes == null) {
                    Files.deleteIfExists(target);
                    if (!file.endsWith(".map")) {
                        loadError = file + " is not on the test classpath";
                    }
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.write(target, bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "node";
    }

    @Override
    public RunResult run(String caseName) {
        if (loadError != null) {
            return RunResult.failure(loadError);
        }
        try {
            if (process == null || !process.isAlive()) {
                start();
            }
            toRunner.write(caseName + "\n");
            toRunner.flush();
            // The runner enforces the case timeout itself; this one only catches a dead or stuck node process.
            String line = results.poll(Settings.caseTimeoutMillis() + 15_000, TimeUnit.MILLISECONDS);
            if (line == null) {
                String why = process.isAlive() ? "node did not answer in time" : "node exited with code " + process.exitValue();
                stop();
                return RunResult.failure(why + "; see " + dir.resolve("node-stderr.log"));
            }
            return RunResult.fromJson(line);
        } catch (IOException e) {
            stop();
            return RunResult.failure("talking to node failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return RunResult.failure("interrupted");
        }
    }

    private void start() throws IOException {
        process = new ProcessBuilder(Settings.node(), dir.resolve("runner/node-runner.mjs").toString(),
                dir.resolve("wasi-polyfill/wasi-polyfill.mjs").toString(),
                TestServer.baseUri().toString(),
                Long.toString(Settings.caseTimeoutMillis()))
                .redirectError(dir.resolve("node-stderr.log").toFile())
                .start();
        toRunner = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        results = queue;
        BufferedReader fromRunner = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try (fromRunner) {
                String line;
                while ((line = fromRunner.readLine()) != null) {
                    if (line.startsWith(RESULT_PREFIX)) {
                        queue.add(line.substring(RESULT_PREFIX.length()));
                    }
                }
            } catch (IOException e) {
                // the process died; run() notices the missing answer
            }
        }, "node-runner-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            try {
                toRunner.close(); // end of input: the runner finishes and exits
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (IOException e) {
                // exiting anyway
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop();
        }
    }
}

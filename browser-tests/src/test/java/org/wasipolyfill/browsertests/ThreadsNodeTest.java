package org.wasipolyfill.browsertests;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The threads cases in Node.js, each in a `node` process of its own that must print its result and then exit by
 * itself within the timeout: a Worker left running, or a thread left blocked, would keep it alive.
 */
class ThreadsNodeTest extends ThreadsTest {
    private static final long TIMEOUT_SECONDS = 40;
    private static final List<String> FILES = List.of(
            "runner/threads/node-threads.mjs", "runner/threads/threads-case.mjs",
            "wasi-polyfill/wasi-polyfill.mjs", "wasi-polyfill/threads.mjs", "wasi-polyfill/threads-guest.mjs");

    private final Path dir = Settings.workDir().resolve("node-threads");

    ThreadsNodeTest() {
        try {
            for (String file : FILES) {
                copy(file);
            }
            String index = new String(GuestCase.resource(ROOT + "index.txt"), StandardCharsets.UTF_8);
            for (String name : index.split("\n")) {
                if (!name.isBlank()) {
                    copy(ROOT + name + ".json");
                    copy(ROOT + name + ".wasm");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void copy(String resource) throws IOException {
        byte[] bytes = GuestCase.resource(resource);
        if (bytes == null) {
            throw new IllegalStateException(resource + " is not on the test classpath");
        }
        Path target = dir.resolve(resource);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Map<String, Object> run(String name) {
        try {
            Path log = dir.resolve(name + ".log");
            Process node = new ProcessBuilder("node", dir.resolve("runner/threads/node-threads.mjs").toString(),
                    dir.resolve(ROOT).toString(), name).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean exited = node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!exited) {
                node.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8).trim();
            if (!exited) {
                throw new AssertionError(name + ": node did not exit within " + TIMEOUT_SECONDS
                        + " s (a Worker or a timer left behind?): " + output);
            }
            String last = output.substring(output.lastIndexOf('\n') + 1);
            if (node.exitValue() != 0 || !last.startsWith("{")) {
                throw new AssertionError(name + ": node exited with " + node.exitValue() + ": " + output);
            }
            return new Gson().fromJson(last, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

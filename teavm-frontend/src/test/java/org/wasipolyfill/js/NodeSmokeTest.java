package org.wasipolyfill.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs src/test/node/smoke.mjs in Node against the bundle TeaVM built in process-classes, with
 * src/test/node/smoke-guest.wat and echo-guest.wat assembled by wat2wasm. Skipped, not failed, when the bundle,
 * node or wat2wasm is missing.
 */
class NodeSmokeTest {
    private static final Path NODE_DIR = Path.of("src", "test", "node");
    private static final Path WORK_DIR = Path.of("target", "node-smoke");

    @Test
    void bundleRunsGuestsInNode() throws IOException, InterruptedException {
        Path bundle = Path.of(System.getProperty("wasiPolyfill.bundle", "target/dist/wasi-polyfill.mjs"));
        assumeTrue(Files.isRegularFile(bundle), "no bundle at " + bundle);
        String node = System.getProperty("wasiPolyfill.node", "node");
        assumeTrue(runs(List.of(node, "--version")), "node is not available as '" + node + "'");
        assumeTrue(runs(List.of("wat2wasm", "--version")), "wat2wasm (wabt) is not available");

        Files.createDirectories(WORK_DIR);
        Path guest = assemble("smoke-guest");
        Path echo = assemble("echo-guest");

        // --expose-gc: one check forces collections to see that a finished guest is not kept alive.
        Result smoke = run(List.of(node, "--expose-gc", NODE_DIR.resolve("smoke.mjs").toString(),
                bundle.toAbsolutePath().toString(), guest.toAbsolutePath().toString(),
                echo.toAbsolutePath().toString()));
        System.out.print(smoke.output);
        assertEquals(0, smoke.exitCode, "smoke.mjs failed:\n" + smoke.output);
        assertTrue(smoke.output.contains(" passed, 0 failed"), "smoke.mjs ran no checks:\n" + smoke.output);
    }

    private static Path assemble(String name) throws IOException, InterruptedException {
        Path wasm = WORK_DIR.resolve(name + ".wasm");
        Result assembled = run(List.of("wat2wasm", NODE_DIR.resolve(name + ".wat").toString(), "-o", wasm.toString()));
        assertEquals(0, assembled.exitCode, "wat2wasm " + name + " failed:\n" + assembled.output);
        return wasm;
    }

    private record Result(int exitCode, String output) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, output + "\n(timed out after 60 s)");
        }
        return new Result(process.exitValue(), output);
    }

    private static boolean runs(List<String> command) {
        try {
            return run(command).exitCode == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

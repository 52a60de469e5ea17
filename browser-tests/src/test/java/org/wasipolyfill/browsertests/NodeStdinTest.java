package org.wasipolyfill.browsertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * wasi-polyfill/node's nodeStdin in a real {@code node} process: runner/node-stdin/run.mjs runs a clang-built
 * guest (src/test/worker-c) with the process's stdin piped from this test, which writes one line at a time and
 * waits for the guest's answer before the next, then closes the pipe.
 */
class NodeStdinTest {

    private static final Path DIR = Settings.workDir().resolve("node-stdin");
    private static final long ANSWER_MILLIS = 20_000;
    private static final List<String> FILES = List.of(
            "runner/node-stdin/run.mjs", "wasi-polyfill/wasi-polyfill.mjs", "wasi-polyfill/node.mjs",
            "worker-guests/echo.wasm", "worker-guests/prompt.wasm", "worker-guests/sleeper.wasm");

    private Process process;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    @BeforeAll
    static void copyFiles() throws IOException {
        for (String file : FILES) {
            byte[] bytes = GuestCase.resource(file);
            if (bytes == null) {
                fail(file + " is not on the test classpath");
            }
            Path target = DIR.resolve(file);
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
        }
    }

    @AfterEach
    void stopNode() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void echoAnswersEachLineAsItArrivesAndEndsAtEndOfFile() throws Exception {
        start("echo");
        OutputStream in = process.getOutputStream();
        send(in, "one\n");
        awaitStdout("echo 1: one\n");
        Thread.sleep(400);
        assertEquals("echo 1: one\n", stdout(), "the guest must wait for the next line, not read end of file");
        assertTrue(process.isAlive(), "the guest must still be waiting for input");
        send(in, "two words\n");
        awaitStdout("echo 1: one\necho 2: two words\n");
        send(in, "no newline");
        Thread.sleep(200);
        in.close();
        assertEquals(0, exitCode());
        assertEquals("echo 1: one\necho 2: two words\necho 3: no newline" + "end of input after 3 lines\n", stdout());
    }

    @Test
    void aPromptLoopGetsEachAnswerBeforeTheNextLineAndExitsWithStdinStillOpen() throws Exception {
        start("prompt");
        OutputStream in = process.getOutputStream();
        awaitStdout("> ");
        send(in, "abc\n");
        awaitStdout("> Hello, abc: 3 letters\n> ");
        send(in, "wasi\n");
        awaitStdout("> Hello, abc: 3 letters\n> Hello, wasi: 4 letters\n> ");
        send(in, "quit\n");
        assertEquals(3, exitCode(), "quit exits with 3 while the pipe is still open");
        assertEquals("> Hello, abc: 3 letters\n> Hello, wasi: 4 letters\n> Hello, bye\n", stdout());
    }

    @Test
    void endOfFileAtOnceReadsAsZeroBytes() throws Exception {
        start("prompt");
        process.getOutputStream().close();
        assertEquals(1, exitCode());
        assertEquals("> (end of input)\n", stdout());
    }

    @Test
    void aTerminalGivesLinesAsTypedAndCtrlDEndsTheInput() throws Exception {
        // script(1) runs node on a pseudo-terminal: its stdin is a TTY, in the terminal's line mode.
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "no /usr/bin/script to make a terminal");
        String command = String.join(" ", Settings.node(), DIR.resolve("runner/node-stdin/run.mjs").toString(),
                DIR.resolve("wasi-polyfill").toString(), DIR.resolve("worker-guests/echo.wasm").toString());
        startProcess(List.of("/usr/bin/script", "-qfec", command, "/dev/null"), "echo-tty");
        OutputStream in = process.getOutputStream();
        send(in, "one\n");
        awaitStdout("one\r\necho 1: one\r\n");
        Thread.sleep(300);
        assertEquals("one\r\necho 1: one\r\n", stdout(), "the guest waits for the next line");
        send(in, "\u0004");
        assertEquals(0, exitCode());
        assertEquals("one\r\necho 1: one\r\nend of input after 1 lines\r\n", stdout());
    }

    @Test
    void sleepTakesRealTime() throws Exception {
        long start = System.nanoTime();
        start("sleeper", "300");
        process.getOutputStream().close();
        assertEquals(0, exitCode());
        long wallMillis = (System.nanoTime() - start) / 1_000_000;
        String out = stdout();
        assertTrue(out.matches("sleeping 300 ms\nslept 3\\d\\d ms\n"), out);
        assertTrue(wallMillis >= 300, "wall time " + wallMillis + " ms");
    }

    private void start(String guest, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Settings.node(),
                DIR.resolve("runner/node-stdin/run.mjs").toString(), DIR.resolve("wasi-polyfill").toString(),
                DIR.resolve("worker-guests/" + guest + ".wasm").toString()));
        command.addAll(List.of(args));
        startProcess(command, guest);
    }

    private void startProcess(List<String> command, String logName) throws IOException {
        process = new ProcessBuilder(command).redirectError(DIR.resolve(logName + "-stderr.log").toFile()).start();
        InputStream out = process.getInputStream();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = out.read(buffer)) > 0;) {
                    synchronized (stdout) {
                        stdout.write(buffer, 0, n);
                        stdout.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        }, "node-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    private static void send(OutputStream in, String text) {
        try {
            in.write(text.getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String stdout() {
        synchronized (stdout) {
            return stdout.toString(StandardCharsets.UTF_8);
        }
    }

    private void awaitStdout(String expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + ANSWER_MILLIS;
        synchronized (stdout) {
            while (!stdout().equals(expected)) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0 || stdout().length() > expected.length()) {
                    break;
                }
                stdout.wait(left);
            }
        }
        assertEquals(expected, stdout());
    }

    private int exitCode() throws Exception {
        if (!process.waitFor(ANSWER_MILLIS, TimeUnit.MILLISECONDS)) {
            fail("node did not exit; stdout so far: " + stdout());
        }
        Thread.sleep(50); // the reader thread drains the rest of stdout
        return process.exitValue();
    }
}

package org.wasipolyfill.browsertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wasipolyfill.webdemo.StaticServer;

/**
 * wasi-polyfill/worker's runInWorker in a real browser: clang-built guests (src/test/worker-c) run in a Web Worker
 * that blocks in Atomics.wait while the page feeds stdin from an async function, on pages served cross-origin
 * isolated (COEP require-corp), with COEP credentialless, and without isolation (the clear error). The checks
 * are runner/worker/worker-checks.mjs; they report what happened and this class asserts it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WorkerFallbackTest {

    private static final Map<String, String> MOUNTS = Map.of(
            "/wasi-polyfill/", "wasi-polyfill/",
            "/runner/", "runner/",
            "/worker-guests/", "worker-guests/");
    private static final Map<String, String> REQUIRE_CORP = Map.of(
            "Cross-Origin-Opener-Policy", "same-origin",
            "Cross-Origin-Embedder-Policy", "require-corp",
            "Cross-Origin-Resource-Policy", "same-origin");
    private static final Map<String, String> CREDENTIALLESS = Map.of(
            "Cross-Origin-Opener-Policy", "same-origin",
            "Cross-Origin-Embedder-Policy", "credentialless");

    private BrowserEngine engine;
    private StaticServer isolated;
    private StaticServer credentialless;
    private StaticServer plain;
    private BrowserContext context;

    protected abstract BrowserEngine startEngine();

    @BeforeAll
    void start() throws IOException {
        isolated = StaticServer.start(0, MOUNTS, REQUIRE_CORP);
        credentialless = StaticServer.start(0, MOUNTS, CREDENTIALLESS);
        plain = StaticServer.start(0, MOUNTS);
        engine = startEngine();
    }

    @AfterAll
    void stop() {
        if (engine != null) {
            engine.close();
        }
        for (StaticServer server : new StaticServer[] {isolated, credentialless, plain}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    @Test
    void echoAnswersEachLineBeforeTheNextIsAskedFor() {
        Map<String, Object> result = check(isolated, "echoLinesOverTime()");
        assertEquals(0.0, result.get("exitCode"), () -> "echo: " + result);
        assertEquals(List.of(
                List.of("in", "one\n"), List.of("out", "echo 1: one\n"),
                List.of("in", "two words\n"), List.of("out", "echo 2: two words\n"),
                List.of("in", "no newline"), Arrays.asList("in", null),
                List.of("out", "echo 3: no newline"), List.of("out", "end of input after 3 lines\n")),
                result.get("log"), () -> "echo: " + result);
        assertEquals(null, result.get("stdout"), "a stdout callback means no collected stdout");
    }

    @Test
    void aReadableStreamFeedsStdin() {
        Map<String, Object> result = check(isolated, "echoFromReadableStream()");
        assertEquals(0.0, result.get("exitCode"), () -> "stream: " + result);
        assertEquals("echo 1: alpha\necho 2: beta\nend of input after 2 lines\n", result.get("stdout"));
        assertEquals("", result.get("stderr"));
    }

    @Test
    void aPromptLoopSeesTheFilesAndItsChangesComeBack() {
        Map<String, Object> result = check(isolated, "promptLoopWithFiles()");
        assertEquals(3.0, result.get("exitCode"), () -> "prompt: " + result);
        assertEquals(Boolean.TRUE, result.get("sameFs"));
        assertEquals(List.of(
                List.of("out", "> "), List.of("in", "abc\n"), List.of("out", "Hi there, abc: 3 letters\n"),
                List.of("out", "> "), List.of("in", "wasi\n"), List.of("out", "Hi there, wasi: 4 letters\n"),
                List.of("out", "> "), List.of("in", "quit\n"), List.of("out", "Hi there, bye\n")),
                result.get("log"), () -> "prompt: " + result);
        assertEquals(List.of("greeting.txt", "answers.txt"), result.get("files"), "old.txt removed by the guest");
        assertEquals("abc\nwasi\nquit\n", result.get("answers"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMemFsLimitsHoldInTheWorkerAndATreeThatDoesNotFitLeavesTheMemFsAsItWas() {
        Map<String, Object> result = check(isolated, "limitsCrossToTheWorker()");
        // The 101 bytes of answers.txt meet ENOSPC at fclose in the Worker (end of input: exit code 1), so the tree
        // that comes back fits: old.txt removed, answers.txt empty.
        assertEquals(Map.of("exitCode", 1.0), result.get("run"), () -> "run: " + result);
        assertEquals(0.0, result.get("answers"));
        String refused = (String) result.get("refused");
        assertTrue(refused != null && refused.startsWith("RangeError: ") && refused.contains("maxBytes (40)")
                && refused.contains("left as it was"), () -> "refused: " + refused);
        assertEquals(List.of("greeting.txt", "answers.txt"), result.get("files"));
        assertEquals(9.0, result.get("usedBytes"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void hardLinksTimesAndModesSurviveTheRoundTrip() {
        Map<String, Object> result = check(isolated, "linksTimesAndModesRoundTrip()");
        assertEquals(0.0, result.get("exitCode"), () -> "run: " + result);
        // The page's hard link arrived in the Worker as one inode of two names.
        assertEquals("one inode: yes, links: 2\n", result.get("stdout"));
        Map<String, Map<String, Object>> files = (Map<String, Map<String, Object>>) result.get("files");
        Map<String, Object> a = files.get("a.txt");
        for (String name : List.of("pre.txt", "b.txt")) {
            assertEquals(a, files.get(name), () -> name + " is not a.txt's inode: " + files);
        }
        assertEquals(3.0, a.get("nlink"));
        assertEquals("one two", a.get("text"));
        assertEquals((double) 0640, a.get("mode"));
        assertEquals("1234567890123456789", a.get("mtimeNs"));
        Map<String, Object> old = files.get("old.txt");
        assertEquals((double) 0400, old.get("mode"));
        assertEquals("1000000000123456789", old.get("mtimeNs"));
        assertEquals(1.0, old.get("nlink"));
    }

    @Test
    void sleepTakesWallTimeWhileThePageTimersKeepFiring() {
        Map<String, Object> result = check(isolated, "sleepAgainstWallTime(500)");
        assertEquals(0.0, result.get("exitCode"), () -> "sleep: " + result);
        String stdout = (String) result.get("stdout");
        assertTrue(stdout.matches("sleeping 500 ms\nslept (5\\d\\d) ms\n"), stdout);
        double wall = (Double) result.get("wall");
        assertTrue(wall >= 500, () -> "wall time " + wall + " ms");
        double ticks = (Double) result.get("ticks");
        // A 10 ms interval on the page: it would not fire at all if the page's thread were blocked.
        assertTrue(ticks >= 25, () -> "only " + ticks + " page timer ticks during a 500 ms sleep");
    }

    @Test
    void pollOnStdinTimesOutUntilInputComes() {
        Map<String, Object> result = check(isolated, "pollWithTimeout(200, 700)");
        assertEquals(0.0, result.get("exitCode"), () -> "poll: " + result);
        String stdout = (String) result.get("stdout");
        // Timeouts at about 200, 400 and 600 ms; the line, given at about 700 ms, ends the fourth poll.
        assertTrue(stdout.matches("(timeout\n){3}ready: late line\n"), () -> "poll: " + result);
        assertTrue((Double) result.get("givenAt") >= 700, () -> "poll: " + result);
    }

    @Test
    void aWasiUnstablePollOnStdinTimesOutUntilInputComes() {
        Map<String, Object> result = check(isolated, "pollWithTimeout(200, 700, 'poll_stdin_unstable')");
        assertEquals(0.0, result.get("exitCode"), () -> "poll: " + result);
        String stdout = (String) result.get("stdout");
        // As through preview1: the core's poll (not a decoder of preview1 subscriptions alone) waits on stdin.
        assertTrue(stdout.matches("(timeout\n){3}ready: late line\n"), () -> "poll: " + result);
        assertTrue((Double) result.get("givenAt") >= 700, () -> "poll: " + result);
    }

    @Test
    void pollWithoutTimeoutWaitsForInput() {
        Map<String, Object> result = check(isolated, "pollWithTimeout(-1, 300)");
        assertEquals(0.0, result.get("exitCode"), () -> "poll: " + result);
        assertEquals("ready: late line\n", result.get("stdout"));
        assertTrue((Double) result.get("wall") >= 300, () -> "poll: " + result);
    }

    @Test
    void abortWhileWaitingRejectsAndLeavesTheFiles() {
        Map<String, Object> result = check(isolated, "abortWhileWaiting()");
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) result.get("error");
        assertTrue(error != null, () -> "the run was not rejected: " + result);
        assertEquals("WASIAbortError", error.get("name"));
        assertEquals(Boolean.TRUE, error.get("isAbort"));
        assertTrue(((String) error.get("message")).startsWith("wasi-polyfill/worker: the run was aborted (Ctrl-C)"),
                () -> "abort: " + result);
        assertEquals("Ctrl-C", result.get("cause"));
        assertEquals("> ", result.get("output"));
        assertEquals(1.0, result.get("asked"));
        assertEquals(List.of("old.txt"), result.get("files"), "an aborted run's changes are not copied back");
    }

    @Test
    void aTrapRejectsWithARuntimeErrorAndTheFilesKeepWhatItWrote() {
        Map<String, Object> result = check(isolated, "trapKeepsTheFiles()");
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) result.get("error");
        assertTrue(error != null, () -> "the trap did not reject: " + result);
        assertEquals("RuntimeError", error.get("name"));
        assertEquals(Boolean.TRUE, result.get("isRuntimeError"));
        assertEquals("written before the trap\n", result.get("file"));
    }

    @Test
    void aPageWithoutIsolationGetsAClearError() {
        Map<String, Object> result = check(plain, "notIsolated()");
        assertEquals(Boolean.FALSE, result.get("crossOriginIsolated"));
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) result.get("error");
        assertTrue(error != null, () -> "runInWorker ran on a page without isolation: " + result);
        assertTrue(((String) error.get("message")).startsWith("wasi-polyfill/worker: runInWorker needs a cross-origin "
                + "isolated page"), () -> "error: " + result);
    }

    @Test
    void coepCredentiallessIsEnough() {
        Map<String, Object> result = check(credentialless, "echoLinesOverTime()");
        assertEquals(0.0, result.get("exitCode"), () -> "echo with COEP credentialless: " + result);
        assertEquals(8, ((List<?>) result.get("log")).size(), () -> "echo: " + result);
    }

    @Test
    void aStdinGivingANumberRejectsWithATypeError() {
        Map<String, Object> result = check(isolated, "badStdin()");
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) result.get("error");
        assertTrue(error != null, () -> "resolved: " + result);
        assertEquals("TypeError", error.get("name"));
        assertEquals("wasi-polyfill/worker: the stdin function returned the number 42; it must give a Uint8Array, a "
                + "string or null", error.get("message"));
    }

    /** Loads the check page from server and returns what checks.<call> resolved to. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> check(StaticServer server, String call) {
        context = engine.browser().newContext();
        Page page = context.newPage();
        page.setDefaultTimeout(30_000);
        page.navigate(server.uri().resolve("runner/worker/page.html").toString());
        page.waitForFunction("() => window.checksReady");
        Object json = page.evaluate("async () => JSON.stringify(await window.checks." + call + ")");
        return new Gson().fromJson((String) json, Map.class);
    }
}

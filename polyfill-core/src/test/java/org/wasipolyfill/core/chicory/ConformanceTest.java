package org.wasipolyfill.core.chicory;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wasipolyfill.core.WasiConfig;

/**
 * Every case of the conformance jar ({@code guests/index.txt}) run on the JVM: the same programs
 * and the same expected transcripts as the browser runs, so a failure here is a core bug, not a
 * browser one.
 */
class ConformanceTest {

    /** Generous: the interpreter is slow, but no case should need more than a few seconds. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    static List<String> cases() {
        return GuestCase.names();
    }

    @ParameterizedTest(name = "[jvm] {0}")
    @MethodSource("cases")
    void guestExitsAndPrintsExactlyAsExpected(String name) {
        String pending = GuestCase.pendingReason(name);
        Assumptions.assumeTrue(pending == null, () -> "[jvm] " + name + " is pending: " + pending);
        GuestCase guest = GuestCase.load(name);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        WasiConfig config = guest.config().stdout(ChicoryHost.into(stdout)).stderr(ChicoryHost.into(stderr)).build();

        int exitCode;
        try {
            exitCode = assertTimeoutPreemptively(TIMEOUT, () -> ChicoryHost.run(guest.wasm(), config),
                    () -> "[jvm] " + name + " did not finish within " + TIMEOUT.toSeconds() + " s"
                            + transcript(stdout, stderr));
        } catch (RuntimeException e) {
            throw new AssertionError("[jvm] " + name + " failed to run: " + e + transcript(stdout, stderr), e);
        }
        assertTranscript(guest, exitCode, stdout.toByteArray(), stderr.toByteArray());
    }

    /** Reports every difference at once: exit code, stdout diff, stderr diff. */
    static void assertTranscript(GuestCase guest, int exitCode, byte[] stdout, byte[] stderr) {
        List<String> problems = new ArrayList<>();
        if (exitCode != guest.exitCode()) {
            problems.add("exit code: expected " + guest.exitCode() + " but was " + exitCode);
        }
        if (!java.util.Arrays.equals(stdout, guest.expectedStdout())) {
            problems.add("stdout differs (- expected, + actual):\n"
                    + TranscriptDiff.diff(guest.expectedStdout(), stdout));
        }
        if (!java.util.Arrays.equals(stderr, guest.expectedStderr())) {
            problems.add("stderr differs (- expected, + actual):\n"
                    + TranscriptDiff.diff(guest.expectedStderr(), stderr));
        }
        if (!problems.isEmpty()) {
            fail("[jvm] " + guest.name() + ":\n" + String.join("\n", problems));
        }
    }

    private static String transcript(ByteArrayOutputStream stdout, ByteArrayOutputStream stderr) {
        return "\n--- stdout so far ---\n" + stdout.toString(StandardCharsets.UTF_8)
                + "\n--- stderr so far ---\n" + stderr.toString(StandardCharsets.UTF_8);
    }
}

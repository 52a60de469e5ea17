package org.wasipolyfill.browsertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.AssertionFailedError;

/**
 * The tests every engine runs: each conformance guest (guests/index.txt) with exact exit code, stdout and stderr,
 * and the "hello" guest checked against what the contract says it does. One engine per test class, started once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(EngineDisplayNames.class)
abstract class EngineTest {

    protected Engine engine;

    protected abstract Engine startEngine();

    @BeforeAll
    void startEngineOnce() {
        engine = startEngine();
    }

    @AfterAll
    void closeEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    /** One test per case, named "[engine] case" (see {@link EngineDisplayNames}). */
    @TestFactory
    Stream<DynamicTest> conformanceGuests() {
        List<String> names = GuestCase.names();
        if (names.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("guests/index.txt", () ->
                    fail("guests/index.txt is not on the test classpath: build the conformance module first")));
        }
        return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> assertRunsAsExpected(name)));
    }

    private void assertRunsAsExpected(String name) {
        String pending = GuestCase.pendingReason(name);
        Assumptions.assumeTrue(pending == null, () -> "[" + engine.name() + "] " + name + " is pending: " + pending);
        GuestCase expected = GuestCase.load(name);
        RunResult actual = engine.run(name);
        String differences = Transcripts.differences(expected, actual);
        if (differences != null) {
            throw new AssertionFailedError(
                    "[" + engine.name() + "] " + name + " did not run as expected:\n" + differences,
                    Transcripts.render(expected.exitCode(), expected.stdout(), expected.stderr(), null),
                    Transcripts.render(actual.exitCode(), actual.stdout(), actual.stderr(), actual.error()));
        }
    }

    /** Issue 2's done criterion: hello prints its arguments and GREETING, one stderr line, and exits with 3. */
    @Test
    void helloPrintsItsArgumentsAndEnvironmentAndExitsWith3() {
        assertNotNull(GuestCase.resource("guests/hello.wasm"), "guests/hello.wasm is not on the test classpath");
        RunResult result = engine.run("hello");
        String transcript = Transcripts.render(result.exitCode(), result.stdout(), result.stderr(), result.error());
        assertNull(result.error(), () -> "hello failed:\n" + transcript);
        assertEquals(3, result.exitCode(), () -> "exit code; transcript:\n" + transcript);
        String stdout = new String(result.stdout(), StandardCharsets.UTF_8);
        for (String expected : List.of("hello", "first", "second arg", "hello from the host")) {
            assertTrue(stdout.contains(expected), () -> "stdout lacks \"" + expected + "\"; transcript:\n" + transcript);
        }
        String stderr = new String(result.stderr(), StandardCharsets.UTF_8);
        assertTrue(stderr.length() > 1 && stderr.indexOf('\n') == stderr.length() - 1,
                () -> "stderr is not exactly one line; transcript:\n" + transcript);
    }
}

package org.wasipolyfill.browsertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The wasi-threads guests (conformance guests/threads: pthread C programs and WAT programs for the ABI's edges), each
 * run through WASI.run, which hands them to wasi-polyfill/threads, in one engine. A case passes when the exit code,
 * stdout and stderr are exactly those expected, or, for a case with "rejects", when the run rejects with an error
 * whose "name: message" contains it. Every run has a timeout, and in Node.js the process must end by itself
 * afterwards (no Worker left running).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ThreadsTest {
    static final String ROOT = "guests/threads/";

    /** The result of running the case in this engine: threads-case.mjs's JSON. */
    protected abstract Map<String, Object> run(String name);

    @TestFactory
    Stream<DynamicTest> threadsCases() {
        String index = new String(GuestCase.resource(ROOT + "index.txt"), StandardCharsets.UTF_8);
        List<String> names = Arrays.stream(index.split("\n")).filter(name -> !name.isBlank()).toList();
        assertTrue(names.size() >= 17, "guests/threads/index.txt lists " + names);
        return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> check(name)));
    }

    private void check(String name) {
        JsonObject spec = new Gson().fromJson(text(ROOT + name + ".json"), JsonObject.class);
        Map<String, Object> result = run(name);
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) result.get("error");
        if (spec.has("rejects")) {
            assertNotNull(error, () -> name + " should have been rejected: " + result);
            String thrown = error.get("name") + ": " + error.get("message");
            assertTrue(thrown.contains(spec.get("rejects").getAsString()), () -> name + " rejected with " + thrown);
        } else {
            assertNull(error, () -> name + " was rejected: " + result);
            assertEquals(spec.get("exitCode").getAsDouble(), ((Number) result.get("exitCode")).doubleValue(),
                    () -> name + ": " + result);
        }
        assertEquals(text(ROOT + name + ".stdout"), result.get("stdout"), () -> name + " stdout: " + result);
        assertEquals(text(ROOT + name + ".stderr"), result.get("stderr"), () -> name + " stderr: " + result);
    }

    private static String text(String resource) {
        byte[] bytes = GuestCase.resource(resource);
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}

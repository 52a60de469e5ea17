package org.wasipolyfill.core.chicory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 2, spelled out: arguments and environment in, two separate streams and an exit code out. */
class HelloTest {

    @Test
    @DisplayName("[jvm] hello: args and env reach the guest, stdout and stderr stay apart, exit code 3")
    void helloPrintsArgsAndEnvAndExitsWithThree() {
        GuestCase hello = GuestCase.load("hello");

        ChicoryHost.Outcome outcome = ChicoryHost.capture(hello.wasm(), hello.config());

        assertEquals("hello\nfirst\nsecond arg\nhello from the host\n",
                new String(outcome.stdout(), StandardCharsets.UTF_8), "stdout");
        assertEquals("hello: this line goes to stderr\n",
                new String(outcome.stderr(), StandardCharsets.UTF_8), "stderr");
        assertEquals(3, outcome.exitCode(), "exit code");
    }
}

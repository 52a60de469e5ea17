package org.wasipolyfill.browsertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every browser runs on top of the guests: the playground page. */
abstract class BrowserTest extends EngineTest {

    @Override
    protected abstract BrowserEngine startEngine();

    @Test
    void playgroundRunsItsHelloExampleOnLoad() {
        Map<String, String> page = ((BrowserEngine) engine).playgroundAfterLoad();
        assertEquals("0", page.get("exit-code"), () -> "playground after load: " + page);
        for (String expected : List.of("Hello from WebAssembly", "argv[1] = first", "argv[2] = second arg",
                "NAME = Ada")) {
            assertTrue(page.get("stdout").contains(expected), () -> "stdout lacks \"" + expected + "\": " + page);
        }
        assertEquals("(this line went to stderr)\n", page.get("stderr"), () -> "playground after load: " + page);
    }
}

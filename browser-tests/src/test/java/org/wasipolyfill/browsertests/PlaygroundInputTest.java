package org.wasipolyfill.browsertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wasipolyfill.webdemo.PlaygroundServer;
import org.wasipolyfill.webdemo.StaticServer;

/**
 * The playground's standard input in each way it can reach a program: suspended by JSPI on a page without
 * COOP/COEP, suspended by JSPI on an isolated page, and blocked in Atomics.wait on an isolated page (forced with
 * ?stdin=atomics, as a browser without JSPI would get it). Each way runs the interactive calculator and stops a
 * program waiting for input with Ctrl-C.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlaygroundInputTest {

    private static final double WAIT_MILLIS = 60_000;

    enum Setup {
        JSPI_NOT_ISOLATED(false, "", "jspi"),
        JSPI_ISOLATED(true, "", "jspi"),
        ATOMICS_ISOLATED(true, "?stdin=atomics", "atomics");

        final boolean isolated;
        final String query;
        final String mode;

        Setup(boolean isolated, String query, String mode) {
            this.isolated = isolated;
            this.query = query;
            this.mode = mode;
        }
    }

    private BrowserEngine engine;
    private StaticServer isolated;
    private StaticServer plain;
    private BrowserContext context;
    private Page page;

    protected abstract BrowserEngine startEngine();

    @BeforeAll
    void start() throws IOException {
        isolated = PlaygroundServer.start(0, true);
        plain = PlaygroundServer.start(0, false);
        engine = startEngine();
    }

    @AfterAll
    void stop() {
        if (engine != null) {
            engine.close();
        }
        for (StaticServer server : new StaticServer[] {isolated, plain}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void theCalculatorAnswersTypedLines(Setup setup) {
        open(setup);
        page.click("#programs li[data-program='calc']");
        page.click("#run");
        waitForTerminal("What is your name? ");
        page.waitForFunction("() => document.body.dataset.waiting === 'true'");
        page.click("#terminal");
        page.keyboard().type("Ada");
        page.keyboard().press("Enter");
        waitForTerminal("Hello, Ada! Type an expression");
        page.keyboard().type("(1 + 2) * 14");
        page.keyboard().press("Enter");
        waitForTerminal("= 42");
        int before = runs();
        page.keyboard().press("Control+d");
        waitForRuns(before + 1);
        Map<String, Object> calc = lastRun();
        assertEquals("exit", calc.get("outcome"), () -> "calc: " + calc);
        assertEquals(0, ((Number) calc.get("exitCode")).intValue());
        assertEquals("What is your name? Hello, Ada! Type an expression such as (1 + 2) * 3, or quit.\n> = 42\n> \n"
                + "Bye! 1 answer given.\n", calc.get("stdout"));
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void ctrlCStopsAProgramWaitingForInput(Setup setup) {
        open(setup);
        page.click("#programs li[data-program='calc']");
        page.click("#run");
        waitForTerminal("What is your name? ");
        page.waitForFunction("() => document.body.dataset.waiting === 'true'");
        page.click("#terminal");
        int before = runs();
        page.keyboard().press("Control+c");
        waitForRuns(before + 1);
        Map<String, Object> run = lastRun();
        assertEquals("stopped", run.get("outcome"), () -> "calc: " + run);
        assertEquals("stopped by Ctrl-C", run.get("message"));
        assertTrue(terminal().contains("■ Stopped (Ctrl-C) after"), this::terminal);
        int again = runs();
        page.click("#programs li[data-program='hello']");
        page.click("#run");
        waitForRuns(again + 1);
        assertEquals(0, ((Number) lastRun().get("exitCode")).intValue(), "the page runs again after Ctrl-C");
    }

    private void open(Setup setup) {
        context = engine.browser().newContext(new Browser.NewContextOptions().setViewportSize(1400, 850));
        page = context.newPage();
        page.setDefaultTimeout(WAIT_MILLIS);
        page.navigate((setup.isolated ? isolated : plain).uri() + setup.query);
        waitForRuns(1);
        assertEquals(setup.isolated, page.evaluate("() => crossOriginIsolated"));
        assertEquals(setup.mode, page.evaluate("() => window.playground.stdinMode"));
    }

    private int runs() {
        return ((Number) page.evaluate("() => Number(document.body.dataset.runs ?? 0)")).intValue();
    }

    private void waitForRuns(int count) {
        page.waitForFunction("n => Number(document.body.dataset.runs ?? 0) >= n", count,
                new Page.WaitForFunctionOptions().setTimeout(WAIT_MILLIS).setPollingInterval(50));
    }

    private void waitForTerminal(String text) {
        page.waitForFunction("t => window.playground.terminalText().includes(t)", text,
                new Page.WaitForFunctionOptions().setTimeout(WAIT_MILLIS).setPollingInterval(50));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> lastRun() {
        return (Map<String, Object>) page.evaluate("() => window.playground.lastRun");
    }

    private String terminal() {
        return (String) page.evaluate("() => window.playground.terminalText()");
    }
}

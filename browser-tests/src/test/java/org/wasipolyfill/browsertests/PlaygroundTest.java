package org.wasipolyfill.browsertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wasipolyfill.webdemo.PlaygroundServer;
import org.wasipolyfill.webdemo.StaticServer;

/**
 * Clicks through the playground as its users do, in a real browser, served by the README's server
 * ({@link PlaygroundServer}, cross-origin isolated): every example with its output, the user's own .wasm (picker
 * and drop), editing the file tree (kept across reloads), typing to an interactive program, Stop, and the mistakes a user can make. Each
 * test gets a fresh page, which runs hello on load.
 *
 * <p>The user's programs are built from src/test/playground-c (see the pom): greet (prints its arguments, exits
 * with 7), trap (writes a file, then traps), forever (writes a file, then never ends), library (a reactor),
 * needs_host (imports env.host_log), flood (7.8 MB of stdout in 300,000 writes).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlaygroundTest {

    private static final double WAIT_MILLIS = 90_000;
    private static final Path FIXTURES = Path.of("target/test-classes/playground-fixtures");
    private static final Path SCREENSHOTS = Path.of("target/playground-screenshots");
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");

    private BrowserEngine engine;
    private StaticServer server;
    private BrowserContext context;
    private Page page;

    protected abstract BrowserEngine startEngine();

    @BeforeAll
    void start() throws IOException {
        server = PlaygroundServer.start(0);
        engine = startEngine();
    }

    @AfterAll
    void stop() {
        if (engine != null) {
            engine.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openPlayground() {
        context = engine.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1400, 850)
                .setAcceptDownloads(true));
        page = context.newPage();
        page.setDefaultTimeout(WAIT_MILLIS);
        page.navigate(server.uri().toString());
        waitForRuns(1);
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    // ---- the page and the examples ----

    @Test
    void pageIsCrossOriginIsolatedAndRunsHelloOnLoad() {
        assertEquals(Boolean.TRUE, page.evaluate("() => crossOriginIsolated"), "SharedArrayBuffer needs COOP/COEP");
        Map<String, Object> run = lastRun();
        assertEquals("exit", run.get("outcome"), () -> "hello on load: " + run);
        assertEquals("Hello from WebAssembly, running on the WASI polyfill!\nargc = 3\nargv[0] = hello\n"
                + "argv[1] = first\nargv[2] = second arg\nNAME = Ada\n", run.get("stdout"));
        assertEquals("(this line went to stderr)\n", run.get("stderr"));
        assertEquals("0", page.textContent("#exit-code"));
        assertTrue(terminal().contains("argv[2] = second arg"), this::describe);
        assertTrue(terminal().contains("hello exited with code 0"), this::describe);
    }

    @Test
    void argumentsAndEnvironmentAreEditable() {
        page.fill("#env", "NAME='Grace Hopper' OTHER=1");
        Map<String, Object> run = runWith("hello", "one 'two words' three");
        assertTrue(stdout(run).contains("argc = 4\nargv[0] = hello\nargv[1] = one\nargv[2] = two words\n"
                + "argv[3] = three\nNAME = Grace Hopper\n"), () -> "hello: " + run);
    }

    @Test
    void catWcGrepAndSortWorkOnTheSampleFiles() {
        Map<String, Object> cat = runExample("cat");
        assertEquals(0, exitCode(cat));
        assertTrue(stdout(cat).startsWith("     1\tAutumn Inventory\n     2\t\n     3\tThe maples count"), () -> "cat: " + cat);

        Map<String, Object> wc = runExample("wc");
        assertEquals(0, exitCode(wc));
        assertTrue(stdout(wc).contains("     11      11      60 data/fruits.txt\n"), () -> "wc: " + wc);
        assertTrue(stdout(wc).matches("(?s).* total\n"), () -> "wc: " + wc);

        Map<String, Object> grep = runExample("grep");
        assertEquals(0, exitCode(grep));
        assertEquals("5:The river keeps its ledger in the cold;\n11:the lamps come on, and it begins to rain.\n",
                plain(stdout(grep)));
        assertTrue(terminal().contains("11:the lamps come on, and it begins to rain."), this::describe);

        Map<String, Object> sort = runExample("sort");
        assertEquals("apple\nbanana\ncherry\ndate\nfig\nkiwi\nlime\nmango\npear\n", stdout(sort));
        Map<String, Object> numeric = runWith("sort", "-n -r data/numbers.txt");
        assertEquals("1000\n256\n88\n42\n19\n7\n3.14\n0\n-5\n", stdout(numeric));
    }

    @Test
    void lsWalksTheTreeWithSizesAndTimes() {
        Map<String, Object> ls = runExample("ls");
        assertEquals(0, exitCode(ls), () -> "ls: " + ls);
        String out = plain(stdout(ls));
        assertTrue(out.startsWith("/:\n"), out);
        for (String section : new String[] {"\n/data:\n", "\n/notes:\n", "\n/src:\n"}) {
            assertTrue(out.contains(section), () -> "no " + section.trim() + " in\n" + out);
        }
        assertTrue(Pattern.compile("(?m)^- +1 +364 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d poem\\.txt$").matcher(out).find(),
                out);
        assertTrue(Pattern.compile("(?m)^d +\\d+ +\\d+ \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d data$").matcher(out).find(),
                out);
    }

    @Test
    void theCppExampleWritesItsReportIntoTheFileTree() {
        Map<String, Object> catalog = runExample("catalog");
        assertEquals(0, exitCode(catalog), () -> "catalog: " + catalog);
        String out = stdout(catalog);
        assertTrue(out.startsWith("Files under /: 6\n"), out);
        assertTrue(out.contains("\n" + String.format("%-12s%7d", ".txt", 4) + String.format("%10d", 364 + 233 + 60 + 30)
                + "\n"), out);
        assertTrue(out.contains("Report written to catalog.txt"), out);
        page.waitForSelector("#tree li[data-path='/catalog.txt']");
        Map<String, Object> cat = runWith("cat", "catalog.txt");
        assertEquals(out.substring(0, out.indexOf("\nReport written")), stdout(cat));
    }

    @Test
    void coloursReachTheTerminalAndAScreenshotIsSaved() throws IOException {
        Map<String, Object> colors = runExample("colors");
        assertEquals(0, exitCode(colors));
        assertTrue(stdout(colors).contains("\u001b[38;2;255;160;0mThis line is orange\u001b[0m"), () -> "colors: " + colors);
        assertTrue(terminal().contains("This line is orange, this one is sky blue."), this::describe);
        Object colour = page.evaluate("() => { const span = [...document.querySelectorAll('.xterm-rows span')]"
                + ".find(s => s.textContent === 'This line is orange'); return span && getComputedStyle(span).color; }");
        assertEquals("rgb(255, 160, 0)", colour, "the terminal draws 24-bit colour");
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(engine.name() + "-colors.png")));
    }

    @Test
    void aLongComputationShowsProgressAndFinishes() {
        Map<String, Object> primes = runExample("primes");
        assertEquals(0, exitCode(primes), () -> "primes: " + primes);
        assertTrue(plain(stdout(primes)).contains("100.0%"), () -> "primes: " + primes);
        assertTrue(stdout(primes).contains("\n16252325 primes below 300000000 ("), () -> "primes: " + primes);
    }

    // ---- threads (wasi-polyfill/threads) ----

    @Test
    void aComputationSplitOverThreadsPrintsEachThreadsProgressAndTheSpeedUp() throws IOException {
        Map<String, Object> parallel = runWith("parallel", "3 400000");
        assertEquals(0, exitCode(parallel), () -> "parallel: " + parallel);
        String out = stdout(parallel);
        assertTrue(out.startsWith("counting the primes below 400000 on 1 thread...\n1 thread: 33860 primes in "), out);
        for (int thread = 0; thread < 3; thread++) {
            for (int percent : new int[] {25, 50, 75, 100}) {
                String line = String.format("  thread %d: %3d%% done, ", thread, percent);
                assertTrue(out.contains(line), () -> "no '" + line + "' in\n" + out);
            }
        }
        assertTrue(Pattern.compile("\n3 threads: 33860 primes in \\d+\\.\\d{3} s\nspeed-up over 1 thread: \\d+\\.\\d\\dx\n$")
                .matcher(out).find(), out);
        assertTrue(terminal().contains("speed-up over 1 thread: "), this::describe);
        assertTrue(terminal().contains("parallel exited with code 0"), this::describe);
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(engine.name() + "-parallel.png")));
    }

    @Test
    void aProducerAndAConsumerWriteOneFileThatTheTreeShows() {
        Map<String, Object> pipeline = runExample("pipeline");
        assertEquals(0, exitCode(pipeline), () -> "pipeline: " + pipeline);
        String out = stdout(pipeline);
        assertTrue(out.contains("producer: 20 items queued\n"), out);
        assertTrue(out.contains("consumer: 20 items written\n"), out);
        assertTrue(out.endsWith("done: 20 items through a queue of 4, pipeline.txt has 510 bytes\n"), out);
        page.waitForSelector("#tree li[data-path='/pipeline.txt']");
        StringBuilder expected = new StringBuilder();
        for (int item = 1; item <= 20; item++) {
            expected.append("item ").append(item).append(": ").append(item).append(" squared is ").append(item * item)
                    .append('\n');
        }
        assertEquals(expected.toString(), page.evaluate(
                "() => new TextDecoder().decode(window.playground.tree.get('/pipeline.txt').data)"));
        assertTrue(page.textContent("#tree li[data-path='/pipeline.txt']").contains("510 B"), this::describe);
    }

    @Test
    void stopEndsARunningThreadedProgram() {
        choose("parallel");
        page.fill("#args", "2 2000000000");
        page.click("#run");
        waitForTerminal("counting the primes below 2000000000 on 1 thread...");
        int before = runs();
        page.click("#stop");
        waitForRuns(before + 1);
        Map<String, Object> run = lastRun();
        assertEquals("stopped", run.get("outcome"), () -> "parallel: " + run);
        assertTrue(terminal().contains("Stopped (■ Stop) after"), this::describe);
        Map<String, Object> pipeline = runExample("pipeline");
        assertEquals(0, exitCode(pipeline), "a threaded program runs again after Stop");
    }

    @Test
    void aThreadedExampleOnAPageWithoutIsolationSaysWhichHeadersAreMissing() throws IOException {
        try (StaticServer plain = PlaygroundServer.start(0, false)) {
            page.navigate(plain.uri().toString());
            waitForRuns(1);
            assertEquals(Boolean.FALSE, page.evaluate("() => crossOriginIsolated"));
            choose("parallel");
            waitForTerminal("Cross-Origin-Embedder-Policy: require-corp");
            assertTrue(terminal().contains("Cross-Origin-Opener-Policy: same-origin"), this::describe);
            Map<String, Object> run = runNow();
            assertEquals("problem", run.get("outcome"), () -> "parallel: " + run);
            assertTrue(String.valueOf(run.get("message")).contains("Cross-Origin-Opener-Policy: same-origin"),
                    () -> "parallel: " + run);
        }
    }

    // ---- standard input ----

    @Test
    void theInteractiveProgramAnswersTypedLines() {
        choose("calc");
        page.click("#run");
        waitForTerminal("What is your name? ");
        page.waitForFunction("() => document.body.dataset.waiting === 'true'");
        page.click("#terminal");
        page.keyboard().type("Adx");
        page.keyboard().press("Backspace");
        page.keyboard().type("a");
        page.keyboard().press("Enter");
        waitForTerminal("Hello, Ada! Type an expression");
        page.keyboard().type("(1 + 2) * 14");
        page.keyboard().press("Enter");
        waitForTerminal("= 42");
        page.keyboard().type("2 +");
        page.keyboard().press("Enter");
        waitForTerminal("error at column 4: unexpected end of the expression");
        int before = runs();
        page.keyboard().press("Control+d");
        waitForRuns(before + 1);
        Map<String, Object> calc = lastRun();
        assertEquals(0, exitCode(calc));
        assertEquals("What is your name? Hello, Ada! Type an expression such as (1 + 2) * 3, or quit.\n> = 42\n> > \n"
                + "Bye! 1 answer given.\n", stdout(calc));
        assertEquals("error at column 4: unexpected end of the expression\n", calc.get("stderr"));
        assertTrue(terminal().contains("> (1 + 2) * 14\n= 42"), "typed text is echoed: " + describe());
    }

    // ---- the file tree ----

    @Test
    void anEditedFileIsWhatCatReads() {
        selectFile("/poem.txt");
        page.click("button[data-action='edit']");
        page.fill("#editor-text", "edited in the browser\nsecond line\n");
        page.click("#editor-save");
        Map<String, Object> cat = runWith("cat", "-n poem.txt");
        assertEquals("     1\tedited in the browser\n     2\tsecond line\n", stdout(cat));
        assertEquals("34 B", page.textContent("#tree li[data-path='/poem.txt'] .meta"));
    }

    @Test
    void filesAreCreatedRenamedUploadedDownloadedAndDeleted() throws IOException {
        selectFile("/notes/todo.md");
        page.click("button[data-action='new-file']");
        page.fill("#ask-input", "made.txt");
        page.keyboard().press("Enter");
        page.waitForSelector("#editor[open]");
        page.fill("#editor-text", "made here\n");
        page.keyboard().press("Control+s");
        assertEquals("made here\n", stdout(runWith("cat", "/notes/made.txt")));

        selectFile("/notes/made.txt");
        page.focus("#tree");
        page.keyboard().press("F2");
        page.fill("#ask-input", "/moved.txt");
        page.keyboard().press("Enter");
        page.waitForSelector("#tree li[data-path='/moved.txt']");
        Map<String, Object> ls = runWith("ls", "/");
        assertTrue(plain(stdout(ls)).contains(" moved.txt\n"), () -> "ls: " + ls);
        assertFalse(plain(stdout(ls)).contains("made.txt"), () -> "ls: " + ls);

        selectFile("/data");
        page.setInputFiles("#file-picker", new FilePayload("upload.txt", "text/plain",
                "uploaded\nlines\n".getBytes(StandardCharsets.UTF_8)));
        page.waitForSelector("#tree li[data-path='/data/upload.txt']");
        assertEquals("      2       2      15 data/upload.txt\n", stdout(runWith("wc", "data/upload.txt")));

        selectFile("/data/upload.txt");
        assertEquals(Map.of("name", "upload.txt", "text", "uploaded\nlines\n"), download());

        selectFile("/data");
        page.click("button[data-action='delete']");
        page.click("#ask-ok");
        page.waitForSelector("#tree li[data-path='/data']", new Page.WaitForSelectorOptions()
                .setState(WaitForSelectorState.DETACHED));
        Map<String, Object> gone = runWith("cat", "data/fruits.txt");
        assertEquals(1, exitCode(gone));
        assertEquals("cat: data/fruits.txt: No such file or directory\n", gone.get("stderr"));
    }

    // ---- the user's own programs ----

    @Test
    void theUsersFilesOutliveAReloadAndResetBringsBackTheSamples() {
        selectFile("/notes/todo.md");
        page.click("button[data-action='new-file']");
        page.fill("#ask-input", "kept.txt");
        page.keyboard().press("Enter");
        page.waitForSelector("#editor[open]");
        page.fill("#editor-text", "kept across reloads\n");
        page.keyboard().press("Control+s");
        selectFile("/data/numbers.txt");
        page.click("button[data-action='delete']");
        page.click("#ask-ok");
        page.waitForSelector("#tree li[data-path='/data/numbers.txt']", new Page.WaitForSelectorOptions()
                .setState(WaitForSelectorState.DETACHED));
        page.evaluate("() => window.playground.saved()");

        page.reload();
        waitForRuns(1);
        page.waitForSelector("#tree li[data-path='/notes/kept.txt']");
        assertEquals(0, page.locator("#tree li[data-path='/data/numbers.txt']").count());
        assertEquals("kept across reloads\n", stdout(runWith("cat", "/notes/kept.txt")));

        page.click("button[data-action='reset']");
        page.evaluate("() => window.playground.saved()");
        page.reload();
        waitForRuns(1);
        page.waitForSelector("#tree li[data-path='/data/numbers.txt']");
        assertEquals(0, page.locator("#tree li[data-path='/notes/kept.txt']").count());
    }

    @Test
    void anUploadedWasmRuns() {
        page.setInputFiles("#wasm-picker", fixture("greet.wasm"));
        waitForRuns(2);
        Map<String, Object> run = lastRun();
        assertEquals("greet", run.get("program"));
        assertEquals(7, exitCode(run));
        assertEquals("greetings from an uploaded program\n", stdout(run));
        assertTrue(page.isVisible("#programs li[data-program='greet']"), "listed under Your programs");
        Map<String, Object> again = runWith("greet", "a 'b c'");
        assertEquals("greetings from an uploaded program [a] [b c]\n", stdout(again));
        assertTrue(terminal().contains("greet exited with code 7"), this::describe);
    }

    @Test
    void aWasmDroppedOnTheTerminalRuns() {
        drop("#terminal", "greet.wasm", readFixture("greet.wasm"));
        waitForRuns(2);
        assertEquals("greetings from an uploaded program\n", stdout(lastRun()));
    }

    @Test
    void aFloodOfOutputReachesTheTerminalWhileThePageStaysLive() {
        page.evaluate("() => { window.frames = 0; const count = () => { window.frames++; requestAnimationFrame(count); };"
                + " requestAnimationFrame(count); }");
        long start = System.nanoTime();
        page.setInputFiles("#wasm-picker", fixture("flood.wasm"));
        waitForRuns(2);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Object> run = lastRun();
        assertEquals(0, exitCode(run));
        String out = stdout(run);
        assertEquals(300_000 * 26, out.length());
        assertTrue(out.endsWith("line 300000 of 300000 ...\n"), () -> out.substring(out.length() - 100));
        waitForTerminal("line 300000 of 300000 ...");
        int frames = ((Number) page.evaluate("() => window.frames")).intValue();
        System.out.printf("[%s] flood: 7.8 MB of stdout in %d ms, %d animation frames meanwhile%n",
                engine.name(), millis, frames);
        assertTrue(frames > millis / 1000, "the page kept drawing frames: " + frames + " in " + millis + " ms");
    }

    // ---- Stop and the mistakes ----

    @Test
    void stopEndsALongRunAndTheFilesStayAsTheyWere() {
        choose("primes");
        page.fill("#args", "1000000000000");
        page.click("#run");
        waitForTerminal("primes so far");
        assertEquals("running", page.evaluate("() => document.body.dataset.state"));
        int before = runs();
        page.click("#stop");
        waitForRuns(before + 1);
        Map<String, Object> run = lastRun();
        assertEquals("stopped", run.get("outcome"));
        assertEquals("stopped", page.textContent("#exit-code"));
        assertTrue(terminal().contains("Stopped (■ Stop) after"), this::describe);
        Map<String, Object> hello = runExample("hello");
        assertEquals(0, exitCode(hello), "the page runs again after Stop");
    }

    @Test
    void aProgramThatNeverEndsIsSaidToBeRunningAndCtrlCStopsIt() {
        page.setInputFiles("#wasm-picker", fixture("forever.wasm"));
        waitForTerminal("(still running after");
        page.click("#terminal");
        int before = runs();
        page.keyboard().press("Control+c");
        waitForRuns(before + 1);
        assertEquals("stopped", lastRun().get("outcome"));
        assertTrue(terminal().contains("a stopped run's changes are discarded"), this::describe);
        Map<String, Object> cat = runWith("cat", "/from-forever.txt");
        assertEquals("cat: /from-forever.txt: No such file or directory\n", cat.get("stderr"));
    }

    @Test
    void aFileThatIsNotWasmIsSaidToBeNotWasm() {
        page.setInputFiles("#wasm-picker", new FilePayload("notes.wasm", "application/wasm",
                "Hello, I am text\n".getBytes(StandardCharsets.UTF_8)));
        waitForRuns(2);
        assertEquals("problem", lastRun().get("outcome"));
        assertTrue(terminal().contains("notes is not a WebAssembly module: a .wasm file starts with the bytes"
                + " 00 61 73 6d (\"\\0asm\"); this one starts with 48 65 6c 6c (\"Hell\")."), this::describe);
        assertEquals("–", page.textContent("#exit-code"));
    }

    @Test
    void aWasmWithoutStartIsSaidToBeALibrary() {
        page.setInputFiles("#wasm-picker", fixture("library.wasm"));
        waitForRuns(2);
        assertEquals("problem", lastRun().get("outcome"));
        assertTrue(terminal().contains("library has no _start: it is a reactor"), this::describe);
    }

    @Test
    void aTrapIsSaidPlainlyAndTheFilesKeepWhatItWrote() {
        page.setInputFiles("#wasm-picker", fixture("trap.wasm"));
        waitForRuns(2);
        Map<String, Object> run = lastRun();
        assertEquals("trap", run.get("outcome"), () -> "trap: " + run);
        assertEquals("about to trap\n", stdout(run));
        assertTrue(String.valueOf(run.get("message")).startsWith("RuntimeError: "), () -> "trap: " + run);
        assertTrue(terminal().contains("trap crashed (a trap): RuntimeError: "), this::describe);
        assertEquals("trap", page.textContent("#exit-code"));
        assertEquals("written before the trap\n", stdout(runWith("cat", "/before-trap.txt")));
    }

    @Test
    void aWasmThatNeedsOtherImportsIsToldWhatIsMissing() {
        page.setInputFiles("#wasm-picker", fixture("needs_host.wasm"));
        waitForRuns(2);
        assertEquals("problem", lastRun().get("outcome"));
        assertTrue(terminal().contains("needs_host imports what this playground does not provide: env.host_log (function)."
                + " Only wasi_snapshot_preview1 is provided."), this::describe);
    }

    @Test
    void theKeyboardPicksRunsAndStops() {
        page.focus("#programs");
        for (int i = 0; i < 9; i++) {
            page.keyboard().press("ArrowDown"); // from hello to primes, the last example
        }
        assertEquals("primes", page.textContent("#program-name"));
        page.fill("#args", "1000000000000");
        page.focus("#programs");
        int before = runs();
        page.keyboard().press("Control+Enter");
        waitForTerminal("primes so far");
        page.keyboard().press("Escape");
        waitForRuns(before + 1);
        assertEquals("stopped", lastRun().get("outcome"));
        assertTrue(terminal().contains("Stopped (Esc) after"), this::describe);
        page.focus("#programs"); // a run takes the focus to the terminal, for its standard input
        page.keyboard().press("ArrowUp");
        assertEquals("colors", page.textContent("#program-name"));
        page.keyboard().press("Enter");
        waitForRuns(before + 2);
        assertEquals("colors", lastRun().get("program"));
        assertEquals(0, exitCode(lastRun()));
    }

    // ---- helpers ----

    private void choose(String program) {
        page.click("#programs li[data-program='" + program + "']");
    }

    private Map<String, Object> runExample(String program) {
        choose(program);
        return runNow();
    }

    private Map<String, Object> runWith(String program, String args) {
        choose(program);
        page.fill("#args", args);
        return runNow();
    }

    private Map<String, Object> runNow() {
        int before = runs();
        page.click("#run");
        waitForRuns(before + 1);
        return lastRun();
    }

    private void selectFile(String path) {
        page.click("#tree li[data-path='" + path + "'] > .row");
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

    private static int exitCode(Map<String, Object> run) {
        Object code = run.get("exitCode");
        return code instanceof Number n ? n.intValue() : -1;
    }

    private static String stdout(Map<String, Object> run) {
        return String.valueOf(run.get("stdout"));
    }

    private static String plain(String text) {
        return ANSI.matcher(text).replaceAll("");
    }

    private String terminal() {
        return (String) page.evaluate("() => window.playground.terminalText()");
    }

    private String describe() {
        return "terminal:\n" + terminal() + "\nlast run: " + lastRun();
    }

    private static Path fixture(String name) {
        Path path = FIXTURES.resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " is missing: the pom builds it from src/test/playground-c");
        }
        return path;
    }

    private static byte[] readFixture(String name) {
        try {
            return Files.readAllBytes(fixture(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Clicks Download and returns the file's name and text. Chromium reports the download itself; Playwright gets
     * no download event from Firefox over WebDriver BiDi, so there the link the page clicks is read instead.
     */
    private Map<String, Object> download() {
        if (engine.name().equals("chromium")) {
            Download download = page.waitForDownload(() -> page.click("button[data-action='download']"));
            try (InputStream in = download.createReadStream()) {
                return Map.of("name", download.suggestedFilename(),
                        "text", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        page.evaluate("() => { HTMLAnchorElement.prototype.click = function () {"
                + "  window.downloaded = fetch(this.href).then((r) => r.text()).then((text) => ({ name: this.download, text }));"
                + "}; }");
        page.click("button[data-action='download']");
        @SuppressWarnings("unchecked")
        Map<String, Object> file = (Map<String, Object>) page.evaluate("() => window.downloaded");
        return file;
    }

    /** Drops a file on an element as a drag from the desktop would (Playwright has no native file drop). */
    private void drop(String selector, String name, byte[] bytes) {
        page.evaluate("([selector, name, base64]) => {"
                + "  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));"
                + "  const data = new DataTransfer();"
                + "  data.items.add(new File([bytes], name));"
                + "  const target = document.querySelector(selector);"
                + "  for (const type of ['dragenter', 'dragover', 'drop']) {"
                + "    target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));"
                + "  }"
                + "}", List.of(selector, name, Base64.getEncoder().encodeToString(bytes)));
    }
}

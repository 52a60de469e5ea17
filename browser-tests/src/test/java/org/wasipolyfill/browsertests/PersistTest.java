package org.wasipolyfill.browsertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MemFS.save / MemFS.load through wasi-polyfill/persist's IndexedDB and OPFS stores, in Chromium and Firefox:
 * runner/persist/persist-checks.mjs builds a tree of every inode kind (directories, empty and multi-chunk files,
 * symlinks, a hard link, modes, nanosecond times), saves, loads into a fresh MemFS and compares everything; counts
 * what incremental saves write; reloads the page between a save and a load; and damages stores (a newer format
 * version, corrupt records, a blocked database, an exceeded quota) to see a clear error and nothing changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersistTest {

    private Playwright playwright;
    private Browser chromium;
    private Browser firefox;
    private final List<String> errors = new ArrayList<>();

    @BeforeAll
    void start() {
        playwright = Browsers.playwright();
        chromium = Browsers.chromium(playwright);
        firefox = Browsers.firefox(playwright);
    }

    @AfterAll
    void stop() {
        if (playwright != null) {
            playwright.close();
        }
    }

    private Browser browser(String engine) {
        return engine.equals("chromium") ? chromium : firefox;
    }

    private Page open(BrowserContext context) {
        Page page = context.newPage();
        page.onPageError(errors::add);
        page.navigate(TestServer.baseUri().resolve("/runner/persist/persist.html").toString());
        page.waitForFunction("document.title === 'ready'", null, new Page.WaitForFunctionOptions().setTimeout(30_000));
        return page;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> call(Page page, String check, String argument) {
        return (Map<String, Object>) page.evaluate("([check, argument]) => window.checks[check](argument)",
                List.of(check, argument == null ? "" : argument));
    }

    private Map<String, Object> run(String engine, String check, String kind) {
        try (BrowserContext context = browser(engine).newContext()) {
            Map<String, Object> result = call(open(context), check, kind);
            assertEquals(List.of(), errors);
            return result;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "chromium", "firefox" })
    void bothStoresExistInAPageOfEitherBrowser(String engine) {
        Map<String, Object> environment = run(engine, "environment", null);
        assertEquals(true, environment.get("indexedDB"));
        assertEquals(true, environment.get("opfs"));
        assertEquals(1, environment.get("formatVersion"));
    }

    @ParameterizedTest
    @CsvSource({ "chromium,idb", "chromium,opfs", "firefox,idb", "firefox,opfs" })
    void everyInodeKindAndTimeRoundTrips(String engine, String kind) {
        Map<String, Object> r = run(engine, "roundTrip", kind);
        assertEquals(r.get("original"), r.get("restored"));
        assertEquals(true, r.get("same"));
        assertEquals(true, r.get("loaded"));
        assertEquals(false, r.get("stale"), "a load replaces the whole tree");
        assertEquals(true, r.get("hardSameInode"));
        @SuppressWarnings("unchecked")
        Map<String, Object> written = (Map<String, Object>) r.get("written");
        // /, t, q, r, e, empty, text (= hard), dangling, big, link: 10 inodes; big in 4 chunks, text 1, 2 links,
        // 4 non-empty directories (e is empty: no chunk).
        assertEquals(10, written.get("inodes"));
        assertEquals(4 + 1 + 2 + 4, written.get("chunks"));
    }

    @ParameterizedTest
    @CsvSource({ "chromium,idb", "chromium,opfs", "firefox,idb", "firefox,opfs" })
    @SuppressWarnings("unchecked")
    void aSaveWritesOnlyWhatChanged(String engine, String kind) {
        Map<String, Object> r = run(engine, "incremental", kind);
        List<Map<String, Object>> log = (List<Map<String, Object>>) r.get("log");
        Map<String, Object> inos = (Map<String, Object>) r.get("inos");
        assertEquals(5, log.size());
        assertEquals(true, log.get(0).get("full"));
        assertEquals(1002, ((Map<String, Object>) log.get(0).get("wrote")).get("inodes"));
        // One file of 1000 changed: its record and its one chunk.
        assertEquals(List.of(inos.get("f500")), log.get(1).get("records"));
        assertEquals(Map.of("inodes", 1, "chunks", 1, "deleted", 0), counts(log.get(1)));
        // An unlink: the directory's entries are rewritten, the file's records removed.
        assertEquals(List.of(inos.get("many")), log.get(2).get("records"));
        assertEquals(Map.of("inodes", 1, "chunks", 1, "deleted", 1), counts(log.get(2)));
        // New times: the metadata record only.
        assertEquals(List.of(inos.get("f9")), log.get(3).get("records"));
        assertEquals(Map.of("inodes", 1, "chunks", 0, "deleted", 0), counts(log.get(3)));
        assertEquals(Map.of("inodes", 0, "chunks", 0, "deleted", 0), counts(log.get(4)));
        assertEquals(true, r.get("same"));
        assertEquals("file 500\nchanged\n", r.get("f500"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> counts(Map<String, Object> entry) {
        Map<String, Object> wrote = (Map<String, Object>) entry.get("wrote");
        return Map.of("inodes", wrote.get("inodes"), "chunks", wrote.get("chunks"), "deleted", wrote.get("deleted"));
    }

    @ParameterizedTest
    @CsvSource({ "chromium,idb", "chromium,opfs", "firefox,idb", "firefox,opfs" })
    @SuppressWarnings("unchecked")
    void aSaveAfterALoadWritesOnlyTheChange(String engine, String kind) {
        Map<String, Object> r = run(engine, "saveAfterLoad", kind);
        List<Map<String, Object>> log = (List<Map<String, Object>>) r.get("log");
        assertEquals(1, log.size());
        assertEquals(false, log.get(0).get("full"));
        // The new file and /t, whose entries changed.
        assertEquals(Map.of("inodes", 2, "chunks", 2, "deleted", 0), counts(log.get(0)));
        assertEquals(true, r.get("same"));
    }

    @ParameterizedTest
    @CsvSource({ "chromium,idb", "firefox,opfs" })
    @SuppressWarnings("unchecked")
    void aStoreChangedByAnotherMemFsGetsAFullSave(String engine, String kind) {
        Map<String, Object> r = run(engine, "twoWriters", kind);
        List<Map<String, Object>> log = (List<Map<String, Object>>) r.get("log");
        // a full, b full, then a's incremental save refused as stale (not logged) and made again in full.
        assertEquals(List.of(true, true, true), log.stream().map(e -> e.get("full")).toList());
        assertEquals(List.of("a", "a2"), r.get("names"));
    }

    @ParameterizedTest
    @CsvSource({ "chromium,idb", "chromium,opfs", "firefox,idb", "firefox,opfs" })
    void aSavedTreeOutlivesTheReloadOfItsPage(String engine, String kind) {
        try (BrowserContext context = browser(engine).newContext()) {
            Page page = open(context);
            page.evaluate("kind => window.checks.beforeReload(kind)", kind);
            page.reload();
            page.waitForFunction("document.title === 'ready'", null, new Page.WaitForFunctionOptions().setTimeout(30_000));
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) page.evaluate("kind => window.checks.afterReload(kind)", kind);
            assertEquals(Map.of("loaded", true, "same", true), r);
            assertEquals(List.of(), errors);
        }
    }

    @ParameterizedTest
    @CsvSource({ "chromium,idb", "chromium,opfs", "firefox,idb", "firefox,opfs" })
    @SuppressWarnings("unchecked")
    void anUnknownFormatVersionIsRefusedAndNothingChanges(String engine, String kind) {
        Map<String, Object> r = run(engine, "unknownVersion", kind);
        for (String operation : List.of("load", "save")) {
            Map<String, Object> outcome = (Map<String, Object>) r.get(operation);
            assertEquals(List.of("mine"), outcome.get("kept"), operation);
            String error = (String) outcome.get("error");
            assertTrue(error.startsWith("StoreError: " + (kind.equals("idb") ? "IndexedDB" : "OPFS") + " store '")
                    && error.contains("holds format version 99; this build of wasi-polyfill reads only version 1, "
                    + "so it was neither loaded nor overwritten"), error);
        }
    }

    @ParameterizedTest
    @CsvSource({ "chromium,idb", "chromium,opfs", "firefox,idb", "firefox,opfs" })
    @SuppressWarnings("unchecked")
    void corruptRecordsAreRefusedAndNothingChanges(String engine, String kind) {
        Map<String, Object> r = run(engine, "corrupt", kind);
        Map<String, String> expected = kind.equals("idb")
                ? Map.of("meta", "its metadata record is not 31 bytes", "chunk", "content chunk 2 is missing",
                        "entry", "names inode")
                : Map.of("meta", "its metadata record is not 31 bytes", "chunk", "is missing; nothing was loaded",
                        "entry", "names inode");
        for (Map.Entry<String, String> damage : expected.entrySet()) {
            Map<String, Object> outcome = (Map<String, Object>) r.get(damage.getKey());
            assertEquals(List.of("mine"), outcome.get("kept"), damage.getKey());
            String error = (String) outcome.get("error");
            assertTrue(error != null && error.contains("corrupt") && error.contains(damage.getValue())
                    && error.contains("nothing was loaded"), damage.getKey() + ": " + error);
        }
    }

    /** maxBytes 2 MiB and maxFileSize 1 MiB against a 3 MiB file in 4 chunks; then one chunk of CHUNK_SIZE + 1. */
    @ParameterizedTest
    @CsvSource({ "chromium,idb", "chromium,opfs", "firefox,idb", "firefox,opfs" })
    @SuppressWarnings("unchecked")
    void aStoreHoldingMoreThanTheLimitsIsRefusedBeforeItsContentIsRead(String engine, String kind) {
        Map<String, Object> r = run(engine, "tooLarge", kind);
        Map<String, String> expected = Map.of(
                "maxBytes", "its files hold at least 3145730 bytes, more than the MemFS's maxBytes (2097152)",
                "maxFileSize", "its 4 content chunks hold at least 3145729 bytes, more than the MemFS's maxFileSize (1048576)",
                "chunk", "its content chunk 0 is missing or of the wrong size");
        for (Map.Entry<String, String> limit : expected.entrySet()) {
            Map<String, Object> outcome = (Map<String, Object>) r.get(limit.getKey());
            assertEquals(List.of("mine"), outcome.get("kept"), limit.getKey());
            String error = (String) outcome.get("error");
            assertTrue(error != null && error.startsWith("StoreError: ") && error.contains(limit.getValue())
                    && error.contains("nothing was loaded"), limit.getKey() + ": " + error);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "chromium", "firefox" })
    void aBlockedDatabaseIsAClearError(String engine) {
        Map<String, Object> r = run(engine, "blocked", null);
        assertTrue(((String) r.get("result")).startsWith("StoreError: IndexedDB store 'blocked-db' is blocked: another tab"),
                (String) r.get("result"));
        assertEquals("indexeddb:blocked-db", r.get("afterClose"));
    }

    @org.junit.jupiter.api.Test
    @SuppressWarnings("unchecked")
    void anExceededQuotaIsAClearErrorAndTheStoreKeepsItsLastSave() {
        try (BrowserContext context = chromium.newContext()) {
            Page page = open(context);
            CDPSession cdp = context.newCDPSession(page);
            JsonObject quota = new JsonObject();
            quota.addProperty("origin", TestServer.baseUri().toString().replaceAll("/$", ""));
            quota.addProperty("quotaSize", 8 * 1024 * 1024);
            cdp.send("Storage.overrideQuotaForOrigin", quota);
            Map<String, Object> r = (Map<String, Object>) page.evaluate("() => window.checks.quota()");
            Map<String, Object> save = (Map<String, Object>) r.get("save");
            String error = (String) save.get("error");
            assertTrue(error != null && error.startsWith("StoreError: IndexedDB store 'quota-idb': the browser's storage "
                    + "quota is exceeded; the save did not happen"), error);
            assertEquals(List.of("small", "huge"), save.get("kept"));
            assertEquals(List.of("small"), r.get("stored"));
            assertNull(errors.isEmpty() ? null : errors);
        }
    }
}

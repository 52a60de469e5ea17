package org.wasipolyfill.browsertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * wasi-polyfill/archive and wasi-polyfill/lazy in Chromium and Firefox:
 * <ul>
 * <li>runner/archive/archive-checks.mjs (also in Node.js): round trips of every inode kind and time through tar and zip, and corrupt
 * or hostile archives answered with their own ArchiveError, the target left as it was; and the tree it builds,
 * exported, read back by GNU tar (links, modes, nanosecond mtimes) and by java.util.zip;</li>
 * <li>a 50 MB image, written here (GNU tar, gzip-compressed or not, and java.util.zip), mounted and walked by
 * conformance's tree_sum guest, whose CRC-32 of every file must be the one computed here;</li>
 * <li>lazy files read by tree_sum, on the page and in a Worker: {@link DataFiles} must see exactly the Range
 * requests for the runs read, and an unreachable or missing URL is EIO for the guest.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveTest {

    private static final int MIB = 1 << 20;
    private static final int LAZY_SIZE = 12 * MIB;
    /**
     * What refusing a hostile input may raise a browser's resident memory by: tens of MB, not the gigabytes it cost
     * before (3 GB for these inputs). The rise is of every process of the browser, whose own heaps move by tens of MB
     * on their own (Firefox once rose 76 MB refusing zeros.tar.gz, which costs Node 4.5 MB in a process of its own).
     */
    private static final long HOSTILE_LIMIT = 160L * MIB;

    private Playwright playwright;
    private String expectedWalk;
    private byte[] lazyBytes;
    private boolean hostileServed;

    @BeforeAll
    void setUp() throws IOException, InterruptedException {
        playwright = Browsers.playwright();
        Path root = Settings.workDir().resolve("archive-image");
        deleteTree(root);
        Path tree = Files.createDirectories(root.resolve("tree"));
        expectedWalk = writeImageTree(tree);
        Path tar = root.resolve("image.tar");
        Process process = new ProcessBuilder("tar", "--format=pax", "-C", tree.toString(), "-cf", tar.toString(), ".")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "tar failed: " + output);
        TestServer.data().put("image.tar", Files.readAllBytes(tar));
        TestServer.data().put("image.tar.gz", gzip(Files.readAllBytes(tar)));
        TestServer.data().put("image.zip", zipOf(tree));
        lazyBytes = new byte[LAZY_SIZE];
        new Random(18).nextBytes(lazyBytes);
        TestServer.data().put("lazy.bin", lazyBytes);
    }

    @AfterAll
    void tearDown() {
        if (playwright != null) {
            playwright.close();
        }
    }

    /**
     * 50 MB in 41 files below tree/: d00..d09 each with four files of 1.2 MiB less a little (random bytes, seeded),
     * one empty file, a symlink and a hard link. Returns tree_sum's expected output for it.
     */
    private static String writeImageTree(Path tree) throws IOException {
        Random random = new Random(50);
        for (int d = 0; d < 10; d++) {
            Path dir = Files.createDirectories(tree.resolve(String.format("d%02d/sub", d)));
            for (int f = 0; f < 4; f++) {
                byte[] bytes = new byte[1_250_000 + d * 1000 + f * 77];
                random.nextBytes(bytes);
                Files.write((f % 2 == 0 ? dir.getParent() : dir).resolve("file" + f + ".bin"), bytes);
            }
        }
        Files.write(tree.resolve("empty"), new byte[0]);
        Files.createSymbolicLink(tree.resolve("link"), Path.of("d00/file0.bin"));
        Files.createLink(tree.resolve("hard.bin"), tree.resolve("d01/file2.bin"));
        Files.setPosixFilePermissions(tree.resolve("empty"), PosixFilePermissions.fromString("rw-------"));
        Files.setLastModifiedTime(tree.resolve("empty"), FileTime.fromMillis(1_600_000_000_123L));
        return expectedWalk(tree);
    }

    /** What tree_sum prints for walk /image over this tree: sorted bytewise, CRC-32 per file and over all. */
    private static String expectedWalk(Path tree) throws IOException {
        StringBuilder out = new StringBuilder();
        CRC32 all = new CRC32();
        long[] totals = new long[2];
        walk(tree, "", out, all, totals);
        out.append(String.format("walk /image: %d files, %d bytes, crc %08x%n", totals[0], totals[1], all.getValue()));
        return out.toString();
    }

    private static void walk(Path dir, String prefix, StringBuilder out, CRC32 all, long[] totals) throws IOException {
        TreeMap<String, Path> sorted = new TreeMap<>();
        try (Stream<Path> children = Files.list(dir)) {
            children.forEach(child -> sorted.put(child.getFileName().toString(), child));
        }
        for (Map.Entry<String, Path> child : sorted.entrySet()) {
            String relative = prefix + child.getKey();
            Path path = child.getValue();
            if (Files.isSymbolicLink(path)) {
                out.append("l ").append(relative).append(" -> ").append(Files.readSymbolicLink(path)).append('\n');
            } else if (Files.isDirectory(path)) {
                out.append("d ").append(relative).append('\n');
                walk(path, relative + "/", out, all, totals);
            } else {
                byte[] bytes = Files.readAllBytes(path);
                CRC32 crc = new CRC32();
                crc.update(bytes);
                all.update(bytes);
                totals[0]++;
                totals[1] += bytes.length;
                out.append(String.format("f %s %d %08x%n", relative, bytes.length, crc.getValue()));
            }
        }
    }

    /** The tree as a zip made by java.util.zip (deflate, DOS times), files and directories only. */
    private static byte[] zipOf(Path tree) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted().toList()) {
                String name = tree.relativize(path).toString();
                if (name.isEmpty() || Files.isSymbolicLink(path)) {
                    continue;
                }
                if (Files.isDirectory(path)) {
                    zip.putNextEntry(new ZipEntry(name + "/"));
                } else {
                    zip.putNextEntry(new ZipEntry(name));
                    zip.write(Files.readAllBytes(path));
                }
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        }
    }

    // ---- the tests ----

    @Test
    void nodeRoundTripsEveryInodeKindAndTimeAndRefusesCorruptArchives() throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Settings.workDir().resolve("archive"));
        for (String file : List.of("wasi-polyfill/wasi-polyfill.mjs", "wasi-polyfill/archive.mjs",
                "wasi-polyfill/lazy.mjs", "runner/archive/archive-checks.mjs", "runner/archive/archive-node.mjs")) {
            Files.write(dir.resolve(Path.of(file).getFileName()), GuestCase.resource(file));
        }
        Process node = new ProcessBuilder(Settings.node(), dir.resolve("archive-node.mjs").toString(), dir.toString())
                .redirectErrorStream(true).start();
        assertTrue(node.waitFor(120, TimeUnit.SECONDS), "node timed out");
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("ok\n", output);
        assertEquals(0, node.exitValue(), output);
    }

    /**
     * runner/archive/hostile-node.mjs: the archives of issue 26 (a .tar.gz and a zip64 .zip of a 1.5 GiB file of
     * zeros, 7 MB each, made there with node:zlib) and archives whose headers lie, each refused with an ArchiveError
     * naming the entry, the MemFS unchanged, and the peak resident memory of the process refusing it at most 16 MB
     * above what it held before.
     */
    @Test
    void nodeRefusesHostileArchivesWithLittleMemory() throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Settings.workDir().resolve("archive-hostile"));
        for (String file : List.of("wasi-polyfill/wasi-polyfill.mjs", "wasi-polyfill/archive.mjs",
                "runner/archive/hostile-inputs.mjs", "runner/archive/hostile-store.mjs",
                "runner/archive/hostile-node.mjs")) {
            Files.write(dir.resolve(Path.of(file).getFileName()), GuestCase.resource(file));
        }
        Process node = new ProcessBuilder(Settings.node(), dir.resolve("hostile-node.mjs").toString(), dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(300, TimeUnit.SECONDS), "node timed out");
        System.out.print("[archive] hostile inputs in Node.js:\n" + output);
        assertTrue(output.endsWith("ok\n"), output);
        assertEquals(0, node.exitValue(), output);
    }

    @Test
    void chromiumRefusesHostileInputsWithLittleMemory() throws IOException {
        hostileChecks(true);
    }

    @Test
    void firefoxRefusesHostileInputsWithLittleMemory() throws IOException {
        hostileChecks(false);
    }

    /**
     * The archives of issue 26 ({@link HostileArchives}, made here with java.util.zip) fetched by the page, then each
     * mounted while the resident memory of the browser's processes is watched ({@link ProcessMemory}), and a store
     * claiming a 1.5 GiB file loaded: each refused, the MemFS unchanged, the rise at most {@link #HOSTILE_LIMIT}.
     */
    private void hostileChecks(boolean chromium) throws IOException {
        if (!hostileServed) {
            TestServer.data().put("zeros.tar.gz", HostileArchives.tarGz());
            TestServer.data().put("zeros.zip", HostileArchives.zip64());
            hostileServed = true;
        }
        Set<Long> before = BrowserProcesses.snapshot();
        Browser browser = chromium ? Browsers.chromium(playwright) : Browsers.firefox(playwright);
        BrowserProcesses processes = BrowserProcesses.startedSince(before);
        try (browser) {
            Page page = open(browser);
            for (String[] c : new String[][] { { "zeros.tar.gz", "mountTar" }, { "zeros.tar.gz", "mountArchive" },
                    { "zeros.zip", "mountZip" }, { "zeros.zip", "mountArchive" }, { null, "load" } }) {
                if (c[0] != null) {
                    page.evaluate("(url) => window.fetchHostile(url)", "/data/" + c[0]);
                }
                ProcessMemory memory = ProcessMemory.start(processes);
                @SuppressWarnings("unchecked")
                Map<String, Object> r = (Map<String, Object>) page.evaluate("(call) => window.refuseHostile(call)", c[1]);
                long rise = memory.rise();
                String what = browser.browserType().name() + " " + c[1] + (c[0] == null ? " of a 1.5 GiB store" : " " + c[0]);
                System.out.printf("[archive] %s: %s (+%.1f MB)%n", what, r.get("error"), rise / 1048576.0);
                String error = (String) r.get("error");
                if (c[0] == null) {
                    assertTrue(error.startsWith("ENOSPC: MemFS.load: the snapshot does not fit"), what + ": " + error);
                } else {
                    assertEquals("ArchiveError", r.get("name"), what + ": " + error);
                    assertEquals(HostileArchives.NAME, r.get("entry"), what);
                    assertTrue(error.contains("maxBytes") && error.contains("nothing was inflated"), what + ": " + error);
                }
                assertEquals(true, r.get("unchanged"), what);
                assertTrue(rise <= HOSTILE_LIMIT, what + ": the browser's resident memory rose by " + rise + " bytes");
            }
        }
    }

    @Test
    void chromiumRoundTripsEveryInodeKindAndTimeAndRefusesCorruptArchives() {
        archiveChecks(Browsers.chromium(playwright));
    }

    @Test
    void firefoxRoundTripsEveryInodeKindAndTimeAndRefusesCorruptArchives() {
        archiveChecks(Browsers.firefox(playwright));
    }

    @Test
    void chromiumGuestChecksumsA50MegabyteImage() {
        imageChecks(Browsers.chromium(playwright));
    }

    @Test
    void firefoxGuestChecksumsA50MegabyteImage() {
        imageChecks(Browsers.firefox(playwright));
    }

    @Test
    void chromiumGuestReadsLazyFilesThroughRangeRequests() {
        lazyChecks(Browsers.chromium(playwright));
    }

    @Test
    void firefoxGuestReadsLazyFilesThroughRangeRequests() {
        lazyChecks(Browsers.firefox(playwright));
    }

    private void archiveChecks(Browser browser) {
        try (browser) {
            Page page = open(browser);
            assertEquals(List.of(), page.evaluate("window.failures"));
            @SuppressWarnings("unchecked")
            Map<String, String> sample = (Map<String, String>) page.evaluate("window.exportSample()");
            try {
                gnuTarReadsTheExport(Base64.getDecoder().decode(sample.get("tar")), browser.browserType().name());
                javaZipReadsTheExport(Base64.getDecoder().decode(sample.get("zip")));
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** GNU tar extracts exportTar's archive of archive-checks.mjs's buildTree with its links, modes and mtimes. */
    private static void gnuTarReadsTheExport(byte[] tar, String engine) throws IOException, InterruptedException {
        Path root = Settings.workDir().resolve("archive-export-" + engine);
        deleteTree(root);
        Path out = Files.createDirectories(root.resolve("out"));
        Files.write(root.resolve("export.tar"), tar);
        Process process = new ProcessBuilder("tar", "--no-same-owner", "--warning=no-timestamp", "-xpf",
                root.resolve("export.tar").toString(), "-C", out.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "tar -x failed: " + output);
        assertEquals("", output);
        assertEquals("h\u00e9llo \u2713", Files.readString(out.resolve("a/small.txt")));
        assertEquals("rwxr-x--x", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("a/small.txt"))));
        assertEquals(1_700_000_000_123_456_789L, Files.getLastModifiedTime(out.resolve("a/small.txt"))
                .to(TimeUnit.NANOSECONDS));
        assertEquals(9_000_000_000_123_456_789L, Files.getLastModifiedTime(out.resolve("late")).to(TimeUnit.NANOSECONDS));
        assertEquals(4_000_000_000L, Files.getLastModifiedTime(out.resolve("a/deep")).to(TimeUnit.NANOSECONDS));
        assertEquals(200_000, Files.size(out.resolve("a/deep/er/x.bin")));
        assertTrue(Files.isSameFile(out.resolve("h1"), out.resolve("a/h2")));
        assertTrue(Files.isSameFile(out.resolve("h1"), out.resolve("a/deep/h3")));
        assertEquals(3, Files.getAttribute(out.resolve("h1"), "unix:nlink"));
        assertEquals(Path.of("a/small.txt"), Files.readSymbolicLink(out.resolve("rel")));
        assertEquals(Path.of("nowhere"), Files.readSymbolicLink(out.resolve("dangling")));
        assertEquals("unicode", Files.readString(out.resolve("\u00fc-\u540d\u524d \u2713.txt")));
        assertEquals("long path", Files.readString(out.resolve("x".repeat(120)).resolve("y".repeat(130))));
        assertTrue(Files.isDirectory(out.resolve("empty-dir")));
    }

    /** java.util.zip reads exportZip's archive: every name, its bytes (CRC-checked) and its NTFS mtime. */
    private static void javaZipReadsTheExport(byte[] zip) throws IOException {
        Map<String, byte[]> contents = new TreeMap<>();
        Map<String, Long> mtimes = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                contents.put(entry.getName(), in.readAllBytes());
                mtimes.put(entry.getName(), entry.getLastModifiedTime().to(TimeUnit.NANOSECONDS));
            }
        }
        assertTrue(contents.keySet().containsAll(List.of("a/", "a/deep/", "a/deep/er/", "a/deep/er/x.bin", "a/empty",
                "a/small.txt", "a/h2", "a/deep/h3", "h1", "rel", "dangling", "up", "empty-dir/", "late")),
                contents.keySet().toString());
        assertEquals("h\u00e9llo \u2713", new String(contents.get("a/small.txt"), StandardCharsets.UTF_8));
        assertEquals("three names, one inode", new String(contents.get("a/deep/h3"), StandardCharsets.UTF_8));
        assertEquals("a/small.txt", new String(contents.get("rel"), StandardCharsets.UTF_8));
        assertEquals(200_000, contents.get("a/deep/er/x.bin").length);
        // java.util.zip reads the NTFS field to the microsecond (the extended timestamp would give whole seconds).
        assertEquals(1_700_000_000_123_456_000L, mtimes.get("a/small.txt"));
    }

    private void imageChecks(Browser browser) {
        try (browser) {
            Page page = open(browser);
            // The .tar.gz is inflated as the tar reader asks, a slice at a time: its files cross many slices.
            for (String url : List.of("/data/image.tar", "/data/image.tar.gz", "/data/image.zip")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> result = (Map<String, Object>) page.evaluate("(url) => window.mountAndWalk(url)", url);
                String expected = url.endsWith(".zip")
                        // java.util.zip stores no symlinks, and the hard link as a second file.
                        ? expectedWalk.replaceAll("(?m)^l link -> .*\n", "") : expectedWalk;
                assertEquals(expected, result.get("stdout"), url);
                assertEquals(0, ((Number) result.get("exitCode")).intValue(), url + ": " + result.get("stderr"));
                System.out.printf("[archive] %s %s: mounted in %.0f ms%n", browser.browserType().name(), url,
                        ((Number) result.get("mountMillis")).doubleValue());
            }
        }
    }

    private String rangeLine(String path, long offset, int length) {
        CRC32 crc = new CRC32();
        int end = (int) Math.min(LAZY_SIZE, offset + length);
        crc.update(lazyBytes, (int) offset, end - (int) offset);
        return String.format("range %s %d %d: %d bytes, crc %08x%n", path, offset, length, end - offset, crc.getValue());
    }

    private void lazyChecks(Browser browser) {
        DataFiles data = TestServer.data();
        try (browser) {
            Page page = open(browser);
            for (String where : List.of("Page", "Worker")) {
                String name = "lazy.bin";
                int before = data.requests(name).size();
                Map<String, Object> result = lazyReads(page, where, Map.of(
                        "files", List.of(Map.of("path", "/data/big.bin", "url", "/data/" + name, "size", LAZY_SIZE)),
                        "args", List.of("range", "/data/big.bin", "5242883", "100000",
                                "range", "/data/big.bin", "11534336", "700000",
                                "range", "/data/big.bin", "5242880", "10")));
                assertEquals(rangeLine("/data/big.bin", 5242883, 100000) + rangeLine("/data/big.bin", 11534336, 700000)
                        + rangeLine("/data/big.bin", 5242880, 10), result.get("stdout"), where);
                // The runs of 1 MiB the reads reached, once each: nothing else of the 12 MiB was fetched.
                assertEquals(List.of("GET lazy.bin bytes=5242880-6291455", "GET lazy.bin bytes=11534336-12582911"),
                        data.requests(name).subList(before, data.requests(name).size()), where);

                before = data.requests(name).size();
                result = lazyReads(page, where, Map.of(
                        "files", List.of(Map.of("path", "/data/head.bin", "url", "/data/" + name, "head", true),
                                Map.of("path", "/data/whole.bin", "url", "/data/noranges/" + name, "size", LAZY_SIZE),
                                Map.of("path", "/data/gone.bin", "url", "http://127.0.0.1:9/nothing", "size", 1000),
                                Map.of("path", "/data/missing.bin", "url", "/data/missing.bin", "size", 1000)),
                        "args", List.of("range", "/data/head.bin", "0", "10",
                                "range", "/data/whole.bin", "3000000", "5000",
                                "range", "/data/whole.bin", "9000000", "5000",
                                "range", "/data/gone.bin", "0", "10",
                                "range", "/data/missing.bin", "0", "10")));
                assertEquals(rangeLine("/data/head.bin", 0, 10) + rangeLine("/data/whole.bin", 3000000, 5000)
                        + rangeLine("/data/whole.bin", 9000000, 5000)
                        + "range /data/gone.bin 0 10: EIO\nrange /data/missing.bin 0 10: EIO\n", result.get("stdout"), where);
                // A server without ranges is asked once and sends the whole body, which serves every later read.
                assertEquals(List.of("HEAD lazy.bin", "GET lazy.bin bytes=0-1048575",
                        "GET noranges/lazy.bin bytes=2949120-3997695"),
                        data.requests(name).subList(before, data.requests(name).size()), where);
                @SuppressWarnings("unchecked")
                List<String> errors = (List<String>) result.get("errors");
                assertEquals(2, errors.size(), where + ": " + errors);
                assertTrue(errors.get(0).contains("'/data/gone.bin' from http://127.0.0.1:9/nothing"), errors.get(0));
                assertTrue(errors.get(1).contains("'/data/missing.bin'") && errors.get(1).contains("HTTP 404"), errors.get(1));

                // Servers that lie: a different total size, more bytes than the Range asked for. EIO, never the bytes.
                result = lazyReads(page, where, Map.of(
                        "files", List.of(Map.of("path", "/data/total.bin", "url", "/data/wrongtotal/" + name, "size", LAZY_SIZE),
                                Map.of("path", "/data/long.bin", "url", "/data/overlong/" + name, "size", LAZY_SIZE)),
                        "args", List.of("range", "/data/total.bin", "0", "10", "range", "/data/long.bin", "0", "10")));
                assertEquals("range /data/total.bin 0 10: EIO\nrange /data/long.bin 0 10: EIO\n", result.get("stdout"), where);
                @SuppressWarnings("unchecked")
                List<String> lies = (List<String>) result.get("errors");
                assertEquals(2, lies.size(), where + ": " + lies);
                assertTrue(lies.get(0).contains("the server says the file has 12582913 bytes, not 12582912"), lies.get(0));
                assertTrue(lies.get(1).contains("with bytes 0-1052671/12582912 and 1052672 bytes"), lies.get(1));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lazyReads(Page page, String where, Map<String, Object> plan) {
        String function = where.equals("Page") ? "lazyReadsOnPage" : "lazyReadsInWorker";
        return (Map<String, Object>) page.evaluate("(plan) => window." + function + "(plan)", plan);
    }

    private Page open(Browser browser) {
        return Browsers.openDonePage(browser, "/runner/archive/archive.html", 60_000);
    }

}

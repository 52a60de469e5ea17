package org.wasipolyfill.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where things are: set by the pom (system properties), overridable from the environment. */
final class Settings {

    private Settings() {
    }

    /** Debian's Chromium unless CHROMIUM_PATH (or -Dbench.chromium) says otherwise. */
    static Path chromium() {
        return Path.of(firstSet(System.getenv("CHROMIUM_PATH"), System.getProperty("bench.chromium"), "/usr/bin/chromium"));
    }

    /** Debian's Firefox ESR unless FIREFOX_PATH (or -Dbench.firefox) says otherwise. */
    static Path firefox() {
        return Path.of(firstSet(System.getenv("FIREFOX_PATH"), System.getProperty("bench.firefox"),
                "/usr/bin/firefox-esr"));
    }

    static String node() {
        return firstSet(System.getProperty("bench.node"), "node");
    }

    /**
     * The folder with the drivers, the workloads, the shim and the polyfill: -Dbench.dir, else the classpath's
     * bench/ folder (target/classes/bench when run from the build).
     */
    static Path benchDir() {
        String configured = System.getProperty("bench.dir");
        Path dir;
        if (configured != null && !configured.isBlank()) {
            dir = Path.of(configured);
        } else {
            URL driver = Settings.class.getClassLoader().getResource("bench/driver.mjs");
            if (driver == null || !"file".equals(driver.getProtocol())) {
                throw new IllegalStateException("bench/driver.mjs is not on the classpath as a file; set -Dbench.dir");
            }
            try {
                dir = Path.of(driver.toURI()).getParent();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        for (String needed : new String[] {"driver.mjs", "hello.wasm", "vendor/browser_wasi_shim/index.js"}) {
            if (!Files.isRegularFile(dir.resolve(needed))) {
                throw new IllegalStateException(dir.resolve(needed) + " is missing: build the module first"
                        + " (mvn -f benchmarks/pom.xml package -DskipTests)");
            }
        }
        return dir;
    }

    /** The polyfill bundle the benchmark loads, inside the bench folder. */
    static Path polyfill(Path benchDir) {
        return benchDir.resolve("wasi-polyfill/wasi-polyfill.mjs");
    }

    static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw new IllegalArgumentException("no value");
    }
}

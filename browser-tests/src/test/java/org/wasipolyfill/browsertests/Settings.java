package org.wasipolyfill.browsertests;

import java.nio.file.Path;

/** Where the engines are and how long a case may take; set by the pom, overridable from the environment. */
final class Settings {

    private Settings() {
    }

    static Path chromium() {
        return Path.of(firstSet(System.getenv("CHROMIUM_PATH"), System.getProperty("browserTests.chromium"),
                "/usr/bin/chromium"));
    }

    static Path firefox() {
        return Path.of(firstSet(System.getenv("FIREFOX_PATH"), System.getProperty("browserTests.firefox"),
                "/usr/bin/firefox-esr"));
    }

    static String node() {
        return firstSet(System.getProperty("browserTests.node"), "node");
    }

    static String npm() {
        return firstSet(System.getProperty("browserTests.npm"), "npm");
    }

    /** The npm tarball of the polyfill (teavm-frontend's tgz artifact, copied by the pom). */
    static Path npmTarball() {
        return Path.of(firstSet(System.getProperty("browserTests.npmTarball"), "target/npm-tarball/wasi-polyfill.tgz"));
    }

    /** Scratch folder for files an engine needs on disk (the Node runner and the polyfill bundle). */
    static Path workDir() {
        return Path.of(firstSet(System.getProperty("browserTests.workDir"), "target/engine-work"));
    }

    /** How long one guest may run before it counts as hung (and the engine is restarted). */
    static long caseTimeoutMillis() {
        return Long.getLong("browserTests.caseTimeoutMillis", 30_000);
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

package org.wasipolyfill.browsertests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The polyfill as a user gets it: the npm tarball (teavm-frontend's tgz artifact) installed with
 * {@code npm install --offline} into a fresh folder, then copied onto the test classpath so that {@link TestServer}
 * serves the installed package under {@code /npm/wasi-polyfill/}. Installed once per test JVM.
 */
final class NpmPackage {

    /** The classpath folder (below test-classes) that TestServer mounts at /npm/. */
    static final String CLASSPATH_FOLDER = "npm-installed/";
    static final String NAME = "wasi-polyfill";

    private static Path installed;

    private NpmPackage() {
    }

    /** Installs the tarball (the first time) and returns the installed package folder, node_modules/wasi-polyfill. */
    static synchronized Path installAndServe() {
        if (installed != null) {
            return installed;
        }
        Path tarball = Settings.npmTarball().toAbsolutePath();
        if (!Files.isRegularFile(tarball)) {
            throw new IllegalStateException(tarball + " is missing: the pom copies it from teavm-frontend's tgz artifact");
        }
        try {
            Path project = Settings.workDir().resolve("npm-install").toAbsolutePath();
            deleteTree(project);
            Files.createDirectories(project);
            Path log = project.resolve("npm.log");
            Process npm = new ProcessBuilder(Settings.npm(), "install", "--offline", "--no-audit", "--no-fund",
                    "--ignore-scripts", "--cache", project.resolve(".npm-cache").toString(), tarball.toString())
                    .directory(project.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!npm.waitFor(120, TimeUnit.SECONDS)) {
                npm.destroyForcibly();
                throw new IllegalStateException("npm install timed out; see " + log);
            }
            if (npm.exitValue() != 0) {
                throw new IllegalStateException("npm install failed with code " + npm.exitValue() + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            Path packageDir = project.resolve("node_modules").resolve(NAME);
            if (!Files.isRegularFile(packageDir.resolve("package.json"))) {
                throw new IllegalStateException("npm install left no " + packageDir.resolve("package.json"));
            }
            Path served = testClasses().resolve(CLASSPATH_FOLDER).resolve(NAME);
            deleteTree(served.getParent());
            copyTree(packageDir, served);
            installed = packageDir;
            return installed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The folder this class was loaded from: target/test-classes, which is on the classpath StaticServer reads. */
    private static Path testClasses() {
        try {
            return Path.of(NpmPackage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(from)) {
            paths = walk.toList();
        }
        for (Path path : paths) {
            Path target = to.resolve(from.relativize(path).toString());
            if (Files.isDirectory(path)) {
                Files.createDirectories(target);
            } else {
                Files.copy(path, target);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}

package org.wasipolyfill.core.chicory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wasipolyfill.core.FakeClock;
import org.wasipolyfill.core.WasiConfig;
import org.wasipolyfill.core.fs.MemFs;

/**
 * One conformance case as the conformance jar packages it: {@code guests/<name>.wasm}, how to run
 * it ({@code .json}) and the exact expected output ({@code .stdout}, {@code .stderr}; an absent file
 * means empty).
 */
record GuestCase(
        String name,
        byte[] wasm,
        List<String> args,
        Map<String, String> env,
        byte[] stdin,
        Map<String, Object> preopens,
        Map<String, Object> limits,
        int exitCode,
        byte[] expectedStdout,
        byte[] expectedStderr) {

    static final String INDEX = "guests/index.txt";

    /** The case names listed in the index, in order; fails clearly when the guests are missing. */
    static List<String> names() {
        byte[] index = resource(INDEX);
        if (index == null) {
            throw new IllegalStateException(INDEX + " is not on the test classpath: build and install the"
                    + " conformance module first (mvn -q install -f conformance/pom.xml)");
        }
        List<String> names = new ArrayList<>();
        for (String line : new String(index, StandardCharsets.UTF_8).split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * The options the case asks for, on a fresh MemFS with each preopen's directory created empty,
     * a fake clock and a seeded random source, so every run of a case is the same.
     */
    WasiConfig.Builder config() {
        FakeClock clock = new FakeClock();
        MemFs fs = new MemFs(clock, limit("maxBytes", MemFs.DEFAULT_MAX_BYTES), limit("maxFileSize", Long.MAX_VALUE));
        WasiConfig.Builder config = WasiConfig.builder()
                .fs(fs)
                .clock(clock)
                .random(new SeededRandom(name.hashCode()))
                .args(args);
        env.forEach(config::env);
        preopens.forEach((guestPath, preopen) -> {
            // A MemFS path, or {"path": ..., "readOnly": true}.
            Map<?, ?> spec = preopen instanceof Map<?, ?> map ? map : Map.of("path", preopen);
            String fsPath = (String) spec.get("path");
            fs.mkdir(fsPath, true);
            if (Boolean.TRUE.equals(spec.get("readOnly"))) {
                config.readOnlyPreopen(guestPath, fsPath);
            } else {
                config.preopen(guestPath, fsPath);
            }
        });
        config.maxOpenFiles((int) limit("maxOpenFiles", WasiConfig.DEFAULT_MAX_OPEN_FILES));
        ByteArrayInputStream in = new ByteArrayInputStream(stdin);
        config.stdin((target, offset, length) -> Math.max(0, in.read(target, offset, length)));
        return config;
    }

    private long limit(String name, long fallback) {
        Object value = limits.get(name);
        return value == null ? fallback : (Long) value;
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Why a case is not yet expected to pass (its "pending" field), or null. Pending cases are
     * reported as skipped with this reason, never as passed.
     */
    @SuppressWarnings("unchecked")
    static String pendingReason(String name) {
        Map<String, Object> spec = (Map<String, Object>) MiniJson.parse(
                new String(require(name + ".json"), StandardCharsets.UTF_8));
        return (String) spec.get("pending");
    }

    @SuppressWarnings("unchecked")
    static GuestCase load(String name) {
        byte[] wasm = require(name + ".wasm");
        String json = new String(require(name + ".json"), StandardCharsets.UTF_8);
        Map<String, Object> spec = (Map<String, Object>) MiniJson.parse(json);

        List<String> args = new ArrayList<>();
        for (Object arg : (List<Object>) spec.getOrDefault("args", List.of(name))) {
            args.add((String) arg);
        }
        Map<String, String> env = strings((Map<String, Object>) spec.getOrDefault("env", Map.of()));
        Map<String, Object> preopens = (Map<String, Object>) spec.getOrDefault("preopens", Map.of());
        Map<String, Object> limits = (Map<String, Object>) spec.getOrDefault("limits", Map.of());
        Object stdin = spec.get("stdin");
        Object exitCode = spec.getOrDefault("exitCode", 0L);
        return new GuestCase(name, wasm, List.copyOf(args), env,
                stdin == null ? new byte[0] : ((String) stdin).getBytes(StandardCharsets.UTF_8),
                preopens, limits, ((Long) exitCode).intValue(),
                optional(name + ".stdout"), optional(name + ".stderr"));
    }

    private static Map<String, String> strings(Map<String, Object> values) {
        Map<String, String> result = new LinkedHashMap<>();
        values.forEach((k, v) -> result.put(k, (String) v));
        return result;
    }

    private static byte[] require(String file) {
        byte[] bytes = resource("guests/" + file);
        if (bytes == null) {
            throw new IllegalStateException("guests/" + file + " is not on the test classpath: build and"
                    + " install the conformance module first (mvn -q install -f conformance/pom.xml)");
        }
        return bytes;
    }

    private static byte[] optional(String file) {
        byte[] bytes = resource("guests/" + file);
        return bytes == null ? new byte[0] : bytes;
    }

    private static byte[] resource(String path) {
        try (InputStream in = GuestCase.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }
}

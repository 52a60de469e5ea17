package org.wasipolyfill.browsertests;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One conformance case, read from the classpath (the conformance jar): guests/&lt;name&gt;.json for the expected
 * exit code, guests/&lt;name&gt;.stdout and .stderr for the expected bytes (absent = empty).
 */
public record GuestCase(String name, int exitCode, byte[] stdout, byte[] stderr) {

    private static final String ROOT = "guests/";

    /** The case names in guests/index.txt, in order; empty if the conformance guests are not on the classpath. */
    public static List<String> names() {
        byte[] index = resource(ROOT + "index.txt");
        if (index == null) {
            return List.of();
        }
        return new String(index, StandardCharsets.UTF_8).lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /**
     * Why a case is not yet expected to pass (its "pending" field), or null. Pending cases are
     * reported as skipped with this reason, never as passed.
     */
    public static String pendingReason(String name) {
        byte[] json = resource(ROOT + name + ".json");
        if (json == null) {
            return null;
        }
        JsonElement pending = JsonParser.parseString(new String(json, StandardCharsets.UTF_8))
                .getAsJsonObject().get("pending");
        return pending == null ? null : pending.getAsString();
    }

    public static GuestCase load(String name) {
        byte[] json = resource(ROOT + name + ".json");
        if (json == null) {
            throw new IllegalStateException("no " + ROOT + name + ".json on the classpath");
        }
        JsonObject spec = JsonParser.parseString(new String(json, StandardCharsets.UTF_8)).getAsJsonObject();
        JsonElement exitCode = spec.get("exitCode");
        return new GuestCase(
                name,
                exitCode == null ? 0 : exitCode.getAsInt(),
                orEmpty(resource(ROOT + name + ".stdout")),
                orEmpty(resource(ROOT + name + ".stderr")));
    }

    private static byte[] orEmpty(byte[] bytes) {
        return bytes == null ? new byte[0] : bytes;
    }

    static byte[] resource(String path) {
        try (InputStream in = GuestCase.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

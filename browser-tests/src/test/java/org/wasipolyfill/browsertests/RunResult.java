package org.wasipolyfill.browsertests;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Base64;

/**
 * What a guest did: its exit code (null if the run threw instead of exiting) and the exact bytes it wrote.
 *
 * @param error why the run did not finish (a trap, a timeout, a load failure), or null
 */
public record RunResult(Integer exitCode, byte[] stdout, byte[] stderr, String error) {

    public static RunResult failure(String error) {
        return new RunResult(null, new byte[0], new byte[0], error);
    }

    /** Parses the runner's JSON: {exitCode, stdout: base64, stderr: base64, error}. */
    public static RunResult fromJson(String json) {
        JsonObject object = JsonParser.parseString(json).getAsJsonObject();
        JsonElement exitCode = object.get("exitCode");
        JsonElement error = object.get("error");
        return new RunResult(
                exitCode == null || exitCode.isJsonNull() ? null : exitCode.getAsInt(),
                base64(object, "stdout"),
                base64(object, "stderr"),
                error == null || error.isJsonNull() ? null : error.getAsString());
    }

    private static byte[] base64(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value == null || value.isJsonNull() ? new byte[0] : Base64.getDecoder().decode(value.getAsString());
    }
}

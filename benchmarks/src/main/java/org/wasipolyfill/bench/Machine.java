package org.wasipolyfill.bench;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A one-line description of the machine for the report: CPU model, cores, memory, OS. */
final class Machine {

    private Machine() {
    }

    static JsonObject describe() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
        int cores = Runtime.getRuntime().availableProcessors();
        String memTotal = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        String os = osRelease();
        String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version");
        JsonObject machine = new JsonObject();
        machine.addProperty("cpu", cpu != null ? cpu : System.getProperty("os.arch"));
        machine.addProperty("cores", cores);
        Double gib = null;
        if (memTotal != null) {
            gib = Long.parseLong(memTotal.replaceAll("[^0-9]", "")) / 1048576.0;
            machine.addProperty("memoryGiB", Math.round(gib * 10) / 10.0);
        }
        machine.addProperty("os", os);
        machine.addProperty("kernel", kernel);
        machine.addProperty("java", System.getProperty("java.version"));
        machine.addProperty("summary", String.format(Locale.ROOT, "%s, %d cores%s, %s (%s)",
                machine.get("cpu").getAsString(), cores,
                gib == null ? "" : String.format(Locale.ROOT, ", %.0f GiB RAM", gib), os, kernel));
        return machine;
    }

    private static String osRelease() {
        String pretty = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME");
        return pretty != null ? pretty.replace("\"", "") : System.getProperty("os.name");
    }

    private static String firstValue(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                int sep = line.indexOf(line.contains(":") && !line.contains("=") ? ':' : '=');
                if (sep > 0 && line.substring(0, sep).trim().equals(key)) {
                    return line.substring(sep + 1).trim();
                }
            }
        } catch (IOException | SecurityException e) {
            // not Linux
        }
        return null;
    }
}

package org.wasipolyfill.browsertests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much the resident memory of a browser's processes rises during a step, read from Linux's /proc: each
 * process's peak (VmHWM) is reset to what it holds (clear_refs 5) before the step and read after it, so the rise is
 * the most any of them held above where it started, summed. A process started meanwhile counts whole.
 */
final class ProcessMemory {
    private static final Pattern FIELD = Pattern.compile("^(VmRSS|VmHWM):\\s+(\\d+) kB", Pattern.MULTILINE);

    private final BrowserProcesses browser;
    private final Map<Long, Long> residentAtStart = new HashMap<>();

    private ProcessMemory(BrowserProcesses browser) {
        this.browser = browser;
    }

    /** Starts measuring: resets the peaks of the browser's processes now. */
    static ProcessMemory start(BrowserProcesses browser) {
        ProcessMemory memory = new ProcessMemory(browser);
        for (ProcessHandle process : browser.processes()) {
            Path proc = Path.of("/proc", Long.toString(process.pid()));
            try {
                Files.writeString(proc.resolve("clear_refs"), "5");
                memory.residentAtStart.put(process.pid(), field(proc, "VmRSS"));
            } catch (IOException e) {
                // The process ended meanwhile.
            }
        }
        return memory;
    }

    /** The rise in bytes since start. */
    long rise() {
        long rise = 0;
        for (ProcessHandle process : browser.processes()) {
            try {
                long peak = field(Path.of("/proc", Long.toString(process.pid())), "VmHWM");
                rise += Math.max(0, peak - residentAtStart.getOrDefault(process.pid(), 0L));
            } catch (IOException e) {
                // The process ended meanwhile.
            }
        }
        return rise;
    }

    private static long field(Path proc, String name) throws IOException {
        Matcher m = FIELD.matcher(Files.readString(proc.resolve("status")));
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return Long.parseLong(m.group(2)) * 1024;
            }
        }
        throw new IOException("no " + name + " in " + proc);
    }
}

package org.wasipolyfill.core.chicory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of expected and actual output for failure messages: {@code -} expected-only and
 * {@code +} actual-only lines, with a few equal lines of context around each change. Control
 * characters and invalid UTF-8 are shown escaped, and a missing final newline is marked, so
 * byte-level differences are visible.
 */
final class TranscriptDiff {
    private static final int MAX_LINES = 2000;
    private static final int CONTEXT = 3;

    private TranscriptDiff() {}

    static String diff(byte[] expected, byte[] actual) {
        List<String> a = lines(expected);
        List<String> b = lines(actual);
        StringBuilder out = new StringBuilder();
        if (a.size() > MAX_LINES || b.size() > MAX_LINES) {
            out.append("(too long to diff: ").append(expected.length).append(" bytes expected, ")
                    .append(actual.length).append(" bytes actual)\n");
            return out.toString();
        }
        // Longest common subsequence, then walk it.
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                ops.add("  " + a.get(i++));
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add("- " + a.get(i++));
            } else {
                ops.add("+ " + b.get(j++));
            }
        }
        return withContext(ops, out);
    }

    /** Keeps {@link #CONTEXT} equal lines around each change and folds longer equal runs. */
    private static String withContext(List<String> ops, StringBuilder out) {
        boolean[] keep = new boolean[ops.size()];
        for (int k = 0; k < ops.size(); k++) {
            if (!ops.get(k).startsWith("  ")) {
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(ops.size() - 1, k + CONTEXT); c++) {
                    keep[c] = true;
                }
            }
        }
        int folded = 0;
        for (int k = 0; k < ops.size(); k++) {
            if (keep[k]) {
                if (folded > 0) {
                    out.append("  ... ").append(folded).append(" equal line(s)\n");
                    folded = 0;
                }
                out.append(ops.get(k)).append('\n');
            } else {
                folded++;
            }
        }
        if (folded > 0) {
            out.append("  ... ").append(folded).append(" equal line(s)\n");
        }
        return out.toString();
    }

    private static List<String> lines(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        if (bytes.length == 0) {
            return lines;
        }
        String text = escape(bytes);
        int start = 0;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                lines.add(text.substring(start, k));
                start = k + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start) + "⏎ (no newline at end)");
        }
        return lines;
    }

    /** The bytes as text, keeping '\n' and escaping what a terminal would hide. */
    private static String escape(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        boolean lossless = java.util.Arrays.equals(decoded.getBytes(StandardCharsets.UTF_8), bytes);
        if (!lossless) {
            for (byte b : bytes) {
                int c = b & 0xFF;
                if (c == '\n' || (c >= 0x20 && c < 0x7F && c != '\\')) {
                    out.append((char) c);
                } else {
                    out.append(String.format("\\x%02x", c));
                }
            }
            return out.toString();
        }
        for (int k = 0; k < decoded.length(); k++) {
            char c = decoded.charAt(k);
            switch (c) {
                case '\n' -> out.append('\n');
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

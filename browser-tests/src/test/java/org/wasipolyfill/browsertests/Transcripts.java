package org.wasipolyfill.browsertests;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Renders what a guest did as readable text, and the differences between an expected and an actual run. */
final class Transcripts {

    /** Streams longer than this (in lines) are not diffed line by line; only the first difference is shown. */
    private static final int MAX_DIFF_LINES = 2_000;
    private static final int CONTEXT = 3;

    private Transcripts() {
    }

    /** A whole run as text, used as the expected and actual values of an assertion failure. */
    static String render(Integer exitCode, byte[] stdout, byte[] stderr, String error) {
        StringBuilder out = new StringBuilder();
        out.append("exit code: ").append(exitCode == null ? "none (did not exit)" : exitCode).append('\n');
        appendStream(out, "stdout", stdout);
        appendStream(out, "stderr", stderr);
        if (error != null) {
            out.append("--- error\n").append(error).append('\n');
        }
        return out.toString();
    }

    private static void appendStream(StringBuilder out, String stream, byte[] bytes) {
        String text = readable(bytes);
        out.append("--- ").append(stream).append(" (").append(bytes.length).append(" bytes)\n").append(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            out.append("\n\\ no newline at end of ").append(stream).append('\n');
        }
    }

    /** Null if the run matches the case, else a message that says what differs, with line diffs of the streams. */
    static String differences(GuestCase expected, RunResult actual) {
        StringBuilder out = new StringBuilder();
        if (actual.error() != null) {
            out.append("the run failed: ").append(actual.error()).append('\n');
        }
        if (actual.exitCode() == null || actual.exitCode() != expected.exitCode()) {
            out.append("exit code: expected ").append(expected.exitCode())
                    .append(", got ").append(actual.exitCode() == null ? "none" : actual.exitCode()).append('\n');
        }
        appendStreamDiff(out, "stdout", expected.stdout(), actual.stdout());
        appendStreamDiff(out, "stderr", expected.stderr(), actual.stderr());
        return out.length() == 0 ? null : out.toString();
    }

    private static void appendStreamDiff(StringBuilder out, String stream, byte[] expected, byte[] actual) {
        if (Arrays.equals(expected, actual)) {
            return;
        }
        out.append(stream).append(": expected ").append(expected.length).append(" bytes, got ")
                .append(actual.length).append(" bytes (first difference at byte ")
                .append(Arrays.mismatch(expected, actual)).append(")\n");
        List<String> a = lines(expected);
        List<String> b = lines(actual);
        out.append("--- expected ").append(stream).append('\n').append("+++ actual ").append(stream).append('\n');
        if (a.size() > MAX_DIFF_LINES || b.size() > MAX_DIFF_LINES) {
            int line = 0;
            while (line < a.size() && line < b.size() && a.get(line).equals(b.get(line))) {
                line++;
            }
            out.append("@@ first differing line: ").append(line + 1).append(" @@\n");
            if (line < a.size()) {
                out.append('-').append(a.get(line)).append('\n');
            }
            if (line < b.size()) {
                out.append('+').append(b.get(line)).append('\n');
            }
            return;
        }
        appendLineDiff(out, a, b);
    }

    /** A unified diff (with CONTEXT lines around each change) from a longest-common-subsequence table. */
    private static void appendLineDiff(StringBuilder out, List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> diff = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                diff.add(' ' + a.get(i++));
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                diff.add('-' + a.get(i++));
            } else {
                diff.add('+' + b.get(j++));
            }
        }
        boolean[] shown = new boolean[diff.size()];
        for (int k = 0; k < diff.size(); k++) {
            if (diff.get(k).charAt(0) != ' ') {
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(diff.size() - 1, k + CONTEXT); c++) {
                    shown[c] = true;
                }
            }
        }
        for (int k = 0; k < diff.size(); k++) {
            if (shown[k]) {
                out.append(diff.get(k)).append('\n');
            } else if (k == 0 || shown[k - 1]) {
                out.append(" ...\n");
            }
        }
    }

    /** The text split after each '\n' (kept as a visible "\n"), so a missing final newline shows as a difference. */
    private static List<String> lines(byte[] bytes) {
        String text = readable(bytes);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                lines.add(text.substring(start, k) + "\\n");
                start = k + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** UTF-8 text with control characters (other than newline) and undecodable bytes escaped as \xNN. */
    static String readable(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        String text = decodeUtf8(bytes);
        if (text == null) {
            for (byte b : bytes) {
                int u = b & 0xff;
                if (u == '\n' || (u >= 0x20 && u < 0x7f && u != '\\')) {
                    out.append((char) u);
                } else {
                    out.append(String.format("\\x%02x", u));
                }
            }
            return out.toString();
        }
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\n' || (c >= 0x20 && c != 0x7f && c != '\\')) {
                out.append(c);
            } else if (c == '\\') {
                out.append("\\\\");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\r') {
                out.append("\\r");
            } else {
                out.append(String.format("\\x%02x", (int) c));
            }
        }
        return out.toString();
    }

    private static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}

package org.wasipolyfill.core.chicory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TranscriptDiffTest {

    @Test
    void showsChangedLinesWithFoldedContext() {
        String expected = "1\n2\n3\n4\n5\n6\nseven\n8\n";
        String actual = "1\n2\n3\n4\n5\n6\n7\n8\n";

        assertEquals("  ... 3 equal line(s)\n  4\n  5\n  6\n- seven\n+ 7\n  8\n",
                TranscriptDiff.diff(bytes(expected), bytes(actual)));
    }

    @Test
    void marksAMissingFinalNewlineAndEscapesControlCharacters() {
        assertEquals("- a\\tb\n+ a\\tb⏎ (no newline at end)\n",
                TranscriptDiff.diff(bytes("a\tb\n"), bytes("a\tb")));
    }

    @Test
    void showsInvalidUtf8AsHexBytes() {
        assertEquals("- ok\n+ \\xffok\n",
                TranscriptDiff.diff(bytes("ok\n"), new byte[] {(byte) 0xFF, 'o', 'k', '\n'}));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

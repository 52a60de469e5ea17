package org.wasipolyfill.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {
    private static final String[] SAMPLES = {
        "", "hello", "GREETING=hello from the host", "/sandbox", "caf\u00e9", "\u00ff\u0100\u07ff\u0800",
        "\u4e2d\u6587", "\uffff\ufffd", "\ud83d\ude00 emoji", "a\ud800b", "\udc00", "x\ud800", "\ud800\ud800\udc00",
        "\udbff\udfff", "\u0000nul", "\u007f\u0080",
    };

    @Test
    void encodesExactlyAsJavasUtf8EncoderIncludingUnpairedSurrogatesAsQuestionMarks() {
        for (String s : SAMPLES) {
            assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), Utf8.encode(s), s);
        }
    }

    @Test
    void encodesEveryCharAndEveryPairLikeJava() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            all.append((char) c);
        }
        String s = all.toString();
        assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), Utf8.encode(s));
        StringBuilder pairs = new StringBuilder();
        for (int cp = 0x10000; cp <= 0x10FFFF; cp += 0x3FF) {
            pairs.appendCodePoint(cp).append('\udc01');
        }
        String p = pairs.toString();
        assertArrayEquals(p.getBytes(StandardCharsets.UTF_8), Utf8.encode(p));
    }

    @Test
    void decodesEveryStringItEncodesBack() {
        for (String s : SAMPLES) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            assertEquals(new String(bytes, StandardCharsets.UTF_8), Utf8.decode(bytes), s);
        }
    }

    @Test
    void decodesEveryCodePoint() {
        StringBuilder all = new StringBuilder();
        for (int cp = 0; cp <= 0x10FFFF; cp++) {
            if (cp < 0xD800 || cp > 0xDFFF) {
                all.appendCodePoint(cp);
            }
        }
        String s = all.toString();
        assertEquals(s, Utf8.decode(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** As TextDecoder does (WHATWG): each maximal subpart of an ill-formed sequence is one U+FFFD. */
    @Test
    void decodesIllFormedBytesAsTheWebDoes() {
        Object[][] cases = {
            { new int[] { 0x80 }, "\ufffd" },
            { new int[] { 0xC0, 0x80 }, "\ufffd\ufffd" },
            { new int[] { 0xC1, 0xBF }, "\ufffd\ufffd" },
            { new int[] { 0xE0, 0x80, 0x80 }, "\ufffd\ufffd\ufffd" },
            { new int[] { 0xE0, 0xA0 }, "\ufffd" },
            { new int[] { 0xED, 0xA0, 0x80 }, "\ufffd\ufffd\ufffd" },
            { new int[] { 0xF0, 0x8F, 0xBF, 0xBF }, "\ufffd\ufffd\ufffd\ufffd" },
            { new int[] { 0xF4, 0x90, 0x80, 0x80 }, "\ufffd\ufffd\ufffd\ufffd" },
            { new int[] { 0xF5, 'a' }, "\ufffda" },
            { new int[] { 0xFF }, "\ufffd" },
            { new int[] { 0xF0, 0x9F, 0x98 }, "\ufffd" },
            { new int[] { 'a', 0xE2, 0x82, 'b' }, "a\ufffdb" },
            { new int[] { 0xF4, 0x8F, 0xBF, 0xBF }, "\udbff\udfff" },
        };
        for (Object[] c : cases) {
            int[] values = (int[]) c[0];
            byte[] bytes = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                bytes[i] = (byte) values[i];
            }
            assertEquals(c[1], Utf8.decode(bytes), java.util.Arrays.toString(values));
        }
    }
}

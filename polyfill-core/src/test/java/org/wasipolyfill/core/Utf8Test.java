package org.wasipolyfill.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

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
}

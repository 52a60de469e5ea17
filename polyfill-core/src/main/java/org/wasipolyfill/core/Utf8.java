package org.wasipolyfill.core;

/**
 * UTF-8 for host strings (args, environment, preopen names, MemFS host paths, names and link targets
 * handed back to the host), written by hand: in the JS build {@code String.getBytes(UTF_8)} and
 * {@code new String(bytes, UTF_8)} pull in TeaVM's whole NIO charset machinery. The results are
 * exactly Java's: an unpaired surrogate encodes as '?', and each maximal ill-formed subsequence
 * decodes as one U+FFFD.
 */
public final class Utf8 {
    private Utf8() {}

    public static byte[] encode(String s) {
        int n = s.length();
        byte[] ascii = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return encodeAny(s);
            }
            ascii[i] = (byte) c;
        }
        return ascii;
    }

    /** Any string: sizes the output first. The common ASCII-only case above takes one pass. */
    private static byte[] encodeAny(String s) {
        int n = s.length();
        int size = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                size++;
            } else if (c < 0x800) {
                size += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                size += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                size++;
            } else {
                size += 3;
            }
        }
        byte[] out = new byte[size];
        int at = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[at++] = (byte) (0xF0 | (cp >> 18));
                out[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                out[at++] = '?';
            } else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return out;
    }

    public static String decode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                out.append((char) b);
                i++;
                continue;
            }
            int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
            int cp = b & (0x7F >> length);
            // The second byte's range depends on the first (no overlong forms, surrogates or past U+10FFFF).
            int low = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
            int high = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
            if (b < 0xC2 || b > 0xF4) {
                length = 1;
            }
            int read = 1;
            while (read < length && i + read < bytes.length) {
                int c = bytes[i + read] & 0xFF;
                if (c < (read == 1 ? low : 0x80) || c > (read == 1 ? high : 0xBF)) {
                    break;
                }
                cp = cp << 6 | (c & 0x3F);
                read++;
            }
            if (read == length && length > 1) {
                out.appendCodePoint(cp);
            } else {
                out.append('\uFFFD');
            }
            i += read;
        }
        return out.toString();
    }
}

package dev.cogsync.protocol;

/**
 * RFC 3986 percent-encoding as AWS uses it: every UTF-8 byte except {@code A-Z a-z 0-9 - . _ ~} becomes
 * {@code %XY} with upper-case hex, so {@code :} becomes {@code %3A} and a space {@code %20}, never {@code +}.
 *
 * <p>The one implementation for the whole project: request paths and query strings, the SigV4 canonical path,
 * canonical query and presigning parameters, and the emulator's path parsing, so that they cannot drift apart.
 */
public final class PercentEncoding {

    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();
    private static final boolean[] UNRESERVED = new boolean[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            UNRESERVED[c] = true;
            UNRESERVED[c + ('a' - 'A')] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            UNRESERVED[c] = true;
        }
        UNRESERVED['-'] = true;
        UNRESERVED['.'] = true;
        UNRESERVED['_'] = true;
        UNRESERVED['~'] = true;
    }

    private PercentEncoding() {
    }

    /**
     * Encodes text for a query parameter or a path segment: {@code /} is encoded too.
     *
     * @param out where to append
     * @param text the text, encoded over UTF-8
     */
    public static void appendEncoded(StringBuilder out, String text) {
        appendEncoded(out, text, 0, text.length(), false);
    }

    /**
     * Whether a character is left bare.
     *
     * @param c the character or byte value
     * @return {@code true} for {@code A-Z a-z 0-9 - . _ ~}
     */
    public static boolean isUnreserved(int c) {
        return c < 128 && c >= 0 && UNRESERVED[c];
    }

    /**
     * Encodes a string.
     *
     * @param text the raw text
     * @return the encoded text; the same instance when nothing needed encoding
     */
    public static String encode(String text) {
        int length = text.length();
        int first = 0;
        while (first < length && isUnreserved(text.charAt(first))) {
            first++;
        }
        if (first == length) {
            return text;
        }
        StringBuilder out = new StringBuilder(length + 16);
        appendEncoded(out, text, 0, length, false);
        return out.toString();
    }

    /**
     * Decodes a percent-encoded string as UTF-8. A {@code +} stays a plus sign, and a {@code %} that does not
     * start a valid escape stays as it is.
     *
     * @param text the encoded text
     * @return the decoded text; the same instance when it has no escapes
     */
    public static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        byte[] bytes = new byte[3 * text.length()];
        int length = decode(text, 0, text.length(), bytes);
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Appends {@code s[from, to)} encoded over UTF-8.
     *
     * @param out where to append
     * @param s the text
     * @param from the first index
     * @param to the end index, exclusive
     * @param keepSlash leave {@code /} bare, for paths
     */
    public static void appendEncoded(StringBuilder out, CharSequence s, int from, int to, boolean keepSlash) {
        // Runs of characters that stay bare are copied in bulk: most of a path or parameter is such a run.
        int runStart = from;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80 && (UNRESERVED[c] || keepSlash && c == '/')) {
                continue;
            }
            out.append(s, runStart, i);
            if (c < 0x80) {
                appendEscapedByte(out, c);
            } else {
                i = appendEscapedCodePoint(out, s, i, to);
            }
            runStart = i + 1;
        }
        out.append(s, runStart, to);
    }

    /**
     * Appends raw bytes, each unreserved one bare and every other one escaped.
     *
     * @param out where to append
     * @param bytes the bytes
     * @param length how many of them
     */
    public static void appendEncoded(StringBuilder out, byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80 && UNRESERVED[b]) {
                out.append((char) b);
            } else {
                appendEscapedByte(out, b);
            }
        }
    }

    /**
     * Whether {@code s[from, to)} is already in canonical form: unreserved characters and {@code %XY}
     * escapes with upper-case hex of bytes that must stay escaped. Such text decodes and re-encodes to itself.
     *
     * @param s the text
     * @param from the first index
     * @param to the end index, exclusive
     * @return whether decoding and encoding again would give the same text
     */
    public static boolean isCanonical(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= to) {
                    return false;
                }
                int high = upperHexDigit(s.charAt(i + 1));
                int low = upperHexDigit(s.charAt(i + 2));
                if (high < 0 || low < 0 || isUnreserved(high << 4 | low)) {
                    return false;
                }
                i += 2;
            } else if (c >= 0x80 || !UNRESERVED[c]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes {@code %XY} escapes in {@code s[from, to)} to bytes; other characters become their UTF-8
     * bytes. A {@code %} that does not start a valid escape is kept as a literal {@code %}, and {@code +} is
     * a literal plus, not a space: SigV4 canonicalises what is on the wire, not a form encoding.
     *
     * @param s the text
     * @param from the first index
     * @param to the end index, exclusive
     * @param out receives the bytes
     * @return the number of bytes written to {@code out}, which must hold {@code 3 * (to - from)} bytes
     */
    public static int decode(String s, int from, int to, byte[] out) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < to) {
                int high = hexDigit(s.charAt(i + 1));
                int low = hexDigit(s.charAt(i + 2));
                if (high >= 0 && low >= 0) {
                    out[n++] = (byte) (high << 4 | low);
                    i += 2;
                    continue;
                }
            }
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else {
                int codePoint = codePointAt(s, i, to);
                n = putUtf8(codePoint, out, n);
                if (codePoint >= Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                    i++;
                }
            }
        }
        return n;
    }

    /** Escapes the UTF-8 bytes of the code point at {@code i}; returns the index of its last char. */
    private static int appendEscapedCodePoint(StringBuilder out, CharSequence s, int i, int to) {
        int codePoint = codePointAt(s, i, to);
        byte[] utf8 = new byte[4];
        int length = putUtf8(codePoint, utf8, 0);
        for (int k = 0; k < length; k++) {
            appendEscapedByte(out, utf8[k] & 0xFF);
        }
        return codePoint >= Character.MIN_SUPPLEMENTARY_CODE_POINT ? i + 1 : i;
    }

    private static int codePointAt(CharSequence s, int i, int to) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
            return Character.toCodePoint(c, s.charAt(i + 1));
        }
        // String.getBytes(UTF_8) turns a lone surrogate into '?'; do the same so that every path agrees.
        return Character.isSurrogate(c) ? '?' : c;
    }

    private static int putUtf8(int codePoint, byte[] out, int n) {
        if (codePoint < 0x80) {
            out[n++] = (byte) codePoint;
        } else if (codePoint < 0x800) {
            out[n++] = (byte) (0xC0 | codePoint >>> 6);
            out[n++] = (byte) (0x80 | codePoint & 0x3F);
        } else if (codePoint < 0x10000) {
            out[n++] = (byte) (0xE0 | codePoint >>> 12);
            out[n++] = (byte) (0x80 | codePoint >>> 6 & 0x3F);
            out[n++] = (byte) (0x80 | codePoint & 0x3F);
        } else {
            out[n++] = (byte) (0xF0 | codePoint >>> 18);
            out[n++] = (byte) (0x80 | codePoint >>> 12 & 0x3F);
            out[n++] = (byte) (0x80 | codePoint >>> 6 & 0x3F);
            out[n++] = (byte) (0x80 | codePoint & 0x3F);
        }
        return n;
    }

    private static void appendEscapedByte(StringBuilder out, int b) {
        out.append('%').append(UPPER_HEX[b >>> 4]).append(UPPER_HEX[b & 0x0F]);
    }

    private static int upperHexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static int hexDigit(char c) {
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return upperHexDigit(c);
    }
}

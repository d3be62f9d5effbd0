package dev.cogsync.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding as AWS uses it: only {@code A-Z a-z 0-9 - . _ ~} stay bare, every other UTF-8 byte
 * becomes {@code %XX} with upper-case hex. So {@code :} becomes {@code %3A} and a space {@code %20}, never
 * {@code +}.
 */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final boolean[] UNRESERVED = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            UNRESERVED[c] = true;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            UNRESERVED[c] = true;
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
     * Whether a character is left bare.
     *
     * @param c the character
     * @return {@code true} for {@code A-Z a-z 0-9 - . _ ~}
     */
    public static boolean isUnreserved(char c) {
        return c < 128 && UNRESERVED[c];
    }

    /**
     * Encodes a string.
     *
     * @param value the raw value
     * @return the value with every reserved character percent-encoded; the same instance when none is
     */
    public static String encode(String value) {
        int length = value.length();
        int first = 0;
        while (first < length && isUnreserved(value.charAt(first))) {
            first++;
        }
        if (first == length) {
            return value;
        }
        StringBuilder out = new StringBuilder(length + 16);
        encodeTo(out, value, first);
        return out.toString();
    }

    /**
     * Appends a string, percent-encoded.
     *
     * @param out where to append
     * @param value the raw value
     */
    public static void encodeTo(StringBuilder out, String value) {
        encodeTo(out, value, 0);
    }

    private static void encodeTo(StringBuilder out, String value, int from) {
        out.append(value, 0, from);
        int length = value.length();
        for (int i = from; i < length; i++) {
            char c = value.charAt(i);
            if (isUnreserved(c)) {
                out.append(c);
            } else if (c < 0x80) {
                appendByte(out, c);
            } else {
                int codePoint = value.codePointAt(i);
                if (Character.isSupplementaryCodePoint(codePoint)) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    codePoint = '?'; // An unpaired surrogate has no UTF-8 form; Java's encoder writes '?' too.
                }
                appendUtf8(out, codePoint);
            }
        }
    }

    private static void appendUtf8(StringBuilder out, int codePoint) {
        if (codePoint < 0x80) {
            appendByte(out, codePoint);
        } else if (codePoint < 0x800) {
            appendByte(out, 0xC0 | (codePoint >> 6));
            appendByte(out, 0x80 | (codePoint & 0x3F));
        } else if (codePoint < 0x10000) {
            appendByte(out, 0xE0 | (codePoint >> 12));
            appendByte(out, 0x80 | ((codePoint >> 6) & 0x3F));
            appendByte(out, 0x80 | (codePoint & 0x3F));
        } else {
            appendByte(out, 0xF0 | (codePoint >> 18));
            appendByte(out, 0x80 | ((codePoint >> 12) & 0x3F));
            appendByte(out, 0x80 | ((codePoint >> 6) & 0x3F));
            appendByte(out, 0x80 | (codePoint & 0x3F));
        }
    }

    private static void appendByte(StringBuilder out, int b) {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }

    /**
     * Decodes a percent-encoded string as UTF-8. A {@code +} stays a plus sign; a {@code %} not followed by
     * two hex digits stays as it is.
     *
     * @param value the encoded value
     * @return the decoded value; the same instance when it has no escapes
     */
    public static String decode(String value) {
        int percent = value.indexOf('%');
        if (percent < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        byte[] head = value.substring(0, percent).getBytes(StandardCharsets.UTF_8);
        bytes.write(head, 0, head.length);
        int length = value.length();
        for (int i = percent; i < length; i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < length && hex(value.charAt(i + 1)) >= 0 && hex(value.charAt(i + 2)) >= 0) {
                bytes.write((hex(value.charAt(i + 1)) << 4) | hex(value.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < length ? i + 2 : i + 1;
                byte[] encoded = value.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i = end - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}

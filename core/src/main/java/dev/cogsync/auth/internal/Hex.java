package dev.cogsync.auth.internal;

import java.nio.charset.StandardCharsets;

/** Lower-case hex through a lookup table, because SigV4 hex-encodes two or three digests per request. */
public final class Hex {

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private Hex() {
    }

    /**
     * Encodes bytes as lower-case hex.
     *
     * @param bytes the bytes
     * @return two hex digits per byte
     */
    public static String encode(byte[] bytes) {
        byte[] out = new byte[bytes.length * 2];
        for (int i = 0, j = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            out[j++] = DIGITS[b >>> 4];
            out[j++] = DIGITS[b & 0x0F];
        }
        // ISO-8859-1 lets the JDK copy the bytes straight into a compact string.
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /**
     * Appends bytes as lower-case hex.
     *
     * @param out where to append
     * @param bytes the bytes
     */
    public static void appendTo(StringBuilder out, byte[] bytes) {
        for (byte value : bytes) {
            int b = value & 0xFF;
            out.append((char) DIGITS[b >>> 4]).append((char) DIGITS[b & 0x0F]);
        }
    }

    /**
     * Decodes hex of either case.
     *
     * @param hex the hex digits
     * @return the bytes, or {@code null} when {@code hex} is not an even number of hex digits
     */
    public static byte[] decode(String hex) {
        int length = hex.length();
        if ((length & 1) != 0) {
            return null;
        }
        byte[] out = new byte[length / 2];
        for (int i = 0; i < out.length; i++) {
            int high = digit(hex.charAt(2 * i));
            int low = digit(hex.charAt(2 * i + 1));
            if (high < 0 || low < 0) {
                return null;
            }
            out[i] = (byte) (high << 4 | low);
        }
        return out;
    }

    /**
     * The value of one hex digit of either case.
     *
     * @param c the character
     * @return 0 to 15, or -1 when {@code c} is not a hex digit
     */
    static int digit(char c) {
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

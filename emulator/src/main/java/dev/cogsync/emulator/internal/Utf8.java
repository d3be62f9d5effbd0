package dev.cogsync.emulator.internal;

/** UTF-8 sizes without encoding, for the dataset byte limit. */
final class Utf8 {

    private Utf8() {
    }

    /** The UTF-8 length of a string; an unpaired surrogate counts as the one byte Java's encoder writes ({@code ?}). */
    static long length(String value) {
        long bytes = 0;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}

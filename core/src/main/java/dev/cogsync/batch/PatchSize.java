package dev.cogsync.batch;

/**
 * Estimates how many bytes a patch adds to an UpdateRecords JSON body, so that batches stay under the request
 * size cap without encoding them twice.
 *
 * <p>The estimate is exact for the key and value (UTF-8 after JSON escaping) and generous for the rest, so it
 * never underestimates: a fixed {@value #PATCH_OVERHEAD} bytes covers the member names, the operation, a
 * 19-digit sync count and a device date.
 */
public final class PatchSize {

    /** Bytes reserved for the request around its patches: device id, session token and structure. */
    public static final long REQUEST_OVERHEAD = 4096;
    /** Bytes per patch besides its key and value. */
    public static final long PATCH_OVERHEAD = 128;

    private PatchSize() {
    }

    /**
     * The estimated bytes of one patch.
     *
     * @param key the record key
     * @param value the value, or {@code null} for a remove
     * @return the bytes it adds to a request body
     */
    public static long of(String key, String value) {
        return PATCH_OVERHEAD + escapedUtf8Length(key) + (value == null ? 0 : escapedUtf8Length(value));
    }

    /**
     * The length of a string as a JSON string body: UTF-8, with quotes, backslashes and control characters
     * escaped.
     *
     * @param text the string
     * @return its byte length inside the quotes
     */
    public static long escapedUtf8Length(String text) {
        long bytes = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                bytes += 6;
            } else if (c == '"' || c == '\\') {
                bytes += 2;
            } else if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}

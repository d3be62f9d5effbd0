package dev.cogsync.model;

import dev.cogsync.exception.ValidationException;

/**
 * The service's documented input constraints, and the checks that enforce them when a model object is built.
 *
 * <p>Lengths count Unicode code points, as the service does. The checks are hand-written rather than regular
 * expressions because they run for every patch a caller submits.
 */
public final class Constraints {

    /** Maximum length of an identity pool id or an identity id: {@value}. */
    public static final int MAX_ID_LENGTH = 55;
    /** Maximum length of a dataset name: {@value}. */
    public static final int MAX_DATASET_NAME_LENGTH = 128;
    /** Maximum length of a device id: {@value}. */
    public static final int MAX_DEVICE_ID_LENGTH = 256;
    /** Maximum length of a record key: {@value}. */
    public static final int MAX_KEY_LENGTH = 1024;
    /** Maximum length of a record value: {@value}. */
    public static final int MAX_VALUE_LENGTH = 1_048_575;
    /** Datasets per identity: {@value}. */
    public static final int MAX_DATASETS_PER_IDENTITY = 20;
    /** Records per dataset: {@value}. */
    public static final int MAX_RECORDS_PER_DATASET = 1024;
    /** Bytes per dataset, counted as the UTF-8 bytes of every key and value: {@value}. */
    public static final long MAX_DATASET_BYTES = 1024L * 1024L;
    /**
     * The pattern of identity pool ids and identity ids, as the model writes it. Like every Smithy pattern it
     * is not anchored: it must occur in the value, as it does in {@code us-east-1:23EC4050-...-08002EXAMPLE}.
     */
    public static final String ID_PATTERN = "[\\w-]+:[0-9a-f-]+";
    /** What cogsync requires of the whole id: the model's pattern, anchored, hex digits of either case. */
    public static final String ID_MATCH = "[\\w-]+:[0-9a-fA-F-]+";
    /**
     * The pattern of dataset names, as the model writes it. The documentation spells out the allowed
     * characters, so every character of a name must match it.
     */
    public static final String DATASET_NAME_PATTERN = "[a-zA-Z0-9_.:-]+";

    private Constraints() {
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        return value;
    }

    static String length(String field, String value, int min, int max) {
        required(field, value);
        int length = value.length();
        // A string of n UTF-16 units has at most n code points, so counting is only needed near the limit.
        if (length > max) {
            length = value.codePointCount(0, length);
        }
        if (length < min || length > max) {
            throw new ValidationException(field, min == 0
                    ? "length must be at most " + max + " characters, was " + length
                    : "length must be between " + min + " and " + max + " characters, was " + length);
        }
        return value;
    }

    static String id(String field, String value) {
        length(field, value, 1, MAX_ID_LENGTH);
        if (!isId(value)) {
            throw new ValidationException(field,
                    "must match the whole pattern " + ID_MATCH + ", length " + value.length());
        }
        return value;
    }

    static String datasetName(String field, String value) {
        length(field, value, 1, MAX_DATASET_NAME_LENGTH);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(isAsciiAlphanumeric(c) || c == '_' || c == '.' || c == ':' || c == '-')) {
                throw new ValidationException(field,
                        "must match the pattern " + DATASET_NAME_PATTERN + ", length " + value.length());
            }
        }
        return value;
    }

    static long nonNegative(String field, long value) {
        if (value < 0) {
            throw new ValidationException(field, "must be >= 0, was " + value);
        }
        return value;
    }

    /**
     * The length of a string in UTF-8, as the service counts a dataset's bytes.
     *
     * @param text the string
     * @return its bytes
     */
    public static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    static String headerSafe(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw new ValidationException(field, "must not contain control characters, length "
                        + value.length());
            }
        }
        return value;
    }

    /**
     * Whether the whole value matches {@link #ID_MATCH}. The model's pattern {@code [\w-]+:[0-9a-f-]+} follows
     * Smithy, whose patterns are not anchored; cogsync anchors it, because ids go into URL paths, where a CR, LF,
     * NUL, {@code ?} or {@code #} around a valid id would change what is sent. Upper-case hex digits are allowed,
     * as AWS's documentation writes pool ids that way ({@code us-east-1:23EC4050-6AEA-7089-A2DD-08002EXAMPLE}, whose
     * {@code EXAMPLE} placeholder itself is refused).
     */
    private static boolean isId(String value) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            if (!isWordOrHyphen(value.charAt(i))) {
                return false;
            }
        }
        for (int i = colon + 1; i < value.length(); i++) {
            if (!isHexOrHyphen(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordOrHyphen(char c) {
        return isAsciiAlphanumeric(c) || c == '_' || c == '-';
    }

    private static boolean isHexOrHyphen(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '-';
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}

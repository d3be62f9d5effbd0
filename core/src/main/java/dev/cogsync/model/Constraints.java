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
                    "must match the pattern " + ID_PATTERN + ", length " + value.length());
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
     * Whether {@code [\w-]+:[0-9a-f-]+} occurs in the value. The model's patterns follow Smithy, whose
     * {@code pattern} trait is not implicitly anchored; AWS's own documented example pool id,
     * {@code us-east-1:23EC4050-6AEA-7089-A2DD-08002EXAMPLE}, only matches that way. So: some colon with a word
     * character or hyphen right before it and a lower-case hex digit or hyphen right after it.
     */
    private static boolean isId(String value) {
        for (int colon = value.indexOf(':'); colon >= 0; colon = value.indexOf(':', colon + 1)) {
            if (colon > 0 && colon < value.length() - 1 && isWordOrHyphen(value.charAt(colon - 1))
                    && isLowerHexOrHyphen(value.charAt(colon + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordOrHyphen(char c) {
        return isAsciiAlphanumeric(c) || c == '_' || c == '-';
    }

    private static boolean isLowerHexOrHyphen(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '-';
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}

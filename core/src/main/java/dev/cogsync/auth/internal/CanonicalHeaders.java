package dev.cogsync.auth.internal;

import dev.cogsync.protocol.HttpHeader;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The headers a signature covers, in canonical form: names lower-cased and sorted, values trimmed with
 * whitespace runs (and obsolete line folding) reduced to one space, repeated names joined with commas in
 * order of appearance. Selection is a predicate so that the signer (every header but a few) and the verifier
 * (exactly the names in {@code SignedHeaders}) share one implementation.
 */
public final class CanonicalHeaders {

    /** Above this many headers, sort with the JDK's merge sort instead of insertion sort. */
    private static final int INSERTION_SORT_LIMIT = 24;

    private final String[] names;
    private final String[] values;
    private final int count;
    private final String signedHeaders;

    private CanonicalHeaders(String[] names, String[] values, int count) {
        this.names = names;
        this.values = values;
        this.count = count;
        this.signedHeaders = joinNames(names, count);
    }

    /**
     * Selects and orders the headers to sign.
     *
     * @param headers the request's headers, in the order they are sent
     * @param include tells, for a lower-case header name, whether the header is signed
     * @return the selected headers
     */
    public static CanonicalHeaders select(List<HttpHeader> headers, Predicate<String> include) {
        int size = headers.size();
        String[] names = new String[size];
        String[] values = new String[size];
        int count = 0;
        for (int i = 0; i < size; i++) {
            HttpHeader header = headers.get(i);
            // Allocates nothing when the name is already lower case, as HTTP/2 header names always are.
            String name = header.name().toLowerCase(Locale.ROOT);
            if (include.test(name)) {
                names[count] = name;
                values[count] = header.value();
                count++;
            }
        }
        sortStably(names, values, count);
        return new CanonicalHeaders(names, values, count);
    }

    /**
     * Whether the AWS SDKs leave a header out of the signature because proxies and the SDK itself change it
     * between attempts.
     *
     * @param lowerCaseName the header name, lower case
     * @return {@code true} for {@code user-agent}, {@code connection}, {@code expect}, {@code x-amzn-trace-id},
     *     {@code transfer-encoding}, {@code amz-sdk-invocation-id} and {@code amz-sdk-request}
     */
    public static boolean isIgnoredBySigners(String lowerCaseName) {
        switch (lowerCaseName) {
            case "user-agent":
            case "connection":
            case "expect":
            case "x-amzn-trace-id":
            case "transfer-encoding":
            case "amz-sdk-invocation-id":
            case "amz-sdk-request":
                return true;
            default:
                return false;
        }
    }

    /**
     * The {@code SignedHeaders} list: the distinct selected names, sorted, joined with {@code ;}.
     *
     * @return the list; empty when no header was selected
     */
    public String signedHeaders() {
        return signedHeaders;
    }

    /**
     * Whether a header of this name was selected.
     *
     * @param lowerCaseName the header name, lower case
     * @return {@code true} when at least one header of that name was selected
     */
    public boolean contains(String lowerCaseName) {
        return Arrays.binarySearch(names, 0, count, lowerCaseName) >= 0;
    }

    /** Appends one {@code name:value} line per distinct name, each ending with a line feed. */
    void appendTo(StringBuilder out) {
        for (int i = 0; i < count; i++) {
            if (i > 0 && names[i].equals(names[i - 1])) {
                out.append(',');
            } else {
                if (i > 0) {
                    out.append('\n');
                }
                out.append(names[i]).append(':');
            }
            appendFolded(out, values[i]);
        }
        if (count > 0) {
            out.append('\n');
        }
    }

    /** An upper bound of what {@link #appendTo} appends, to presize the buffer. */
    int estimatedLength() {
        int length = 0;
        for (int i = 0; i < count; i++) {
            length += names[i].length() + values[i].length() + 2;
        }
        return length;
    }

    static void appendFolded(StringBuilder out, String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        if (isFolded(value, start, end)) {
            out.append(value, start, end);
            return;
        }
        boolean pendingSpace = false;
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (isWhitespace(c)) {
                pendingSpace = true;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
    }

    /** Whether the trimmed value has no whitespace other than single spaces. */
    private static boolean isFolded(String value, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (isWhitespace(c) && (c != ' ' || isWhitespace(value.charAt(i + 1)))) {
                return false;
            }
        }
        return true;
    }

    /** Space, tab, and the CR and LF of obsolete line folding. */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Sorts by name, keeping headers of the same name in order of appearance. */
    private static void sortStably(String[] names, String[] values, int count) {
        if (count <= INSERTION_SORT_LIMIT) {
            for (int i = 1; i < count; i++) {
                String name = names[i];
                String value = values[i];
                int j = i - 1;
                while (j >= 0 && names[j].compareTo(name) > 0) {
                    names[j + 1] = names[j];
                    values[j + 1] = values[j];
                    j--;
                }
                names[j + 1] = name;
                values[j + 1] = value;
            }
            return;
        }
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        String[] unsortedNames = Arrays.copyOf(names, count);
        String[] unsortedValues = Arrays.copyOf(values, count);
        // Arrays.sort on objects is a stable merge sort.
        Arrays.sort(order, (a, b) -> unsortedNames[a].compareTo(unsortedNames[b]));
        for (int i = 0; i < count; i++) {
            names[i] = unsortedNames[order[i]];
            values[i] = unsortedValues[order[i]];
        }
    }

    private static String joinNames(String[] names, int count) {
        if (count == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder(count * 16);
        out.append(names[0]);
        for (int i = 1; i < count; i++) {
            if (!names[i].equals(names[i - 1])) {
                out.append(';').append(names[i]);
            }
        }
        return out.toString();
    }
}

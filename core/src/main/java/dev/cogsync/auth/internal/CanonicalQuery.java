package dev.cogsync.auth.internal;

import dev.cogsync.protocol.PercentEncoding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The canonical query string: each key and value percent-decoded, re-encoded with SigV4's unreserved set,
 * and sorted by key then value. Decoding first means an already-encoded wire query is not encoded twice.
 */
final class CanonicalQuery {

    private CanonicalQuery() {
    }

    /**
     * Appends the canonical form of a raw query string.
     *
     * @param out where to append
     * @param query the query as on the wire, without {@code ?}; may be empty
     */
    static void append(StringBuilder out, String query) {
        int length = query.length();
        if (length == 0) {
            return;
        }
        if (query.indexOf('&') < 0) {
            appendParameter(out, query, 0, length);
            return;
        }
        List<Parameter> parameters = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || query.charAt(i) == '&') {
                if (i > start) {
                    int equals = indexOf(query, '=', start, i);
                    int keyEnd = equals < 0 ? i : equals;
                    String key = canonical(query, start, keyEnd);
                    String value = equals < 0 ? "" : canonical(query, equals + 1, i);
                    parameters.add(new Parameter(key, value));
                }
                start = i + 1;
            }
        }
        Collections.sort(parameters);
        for (int i = 0; i < parameters.size(); i++) {
            if (i > 0) {
                out.append('&');
            }
            Parameter parameter = parameters.get(i);
            out.append(parameter.key()).append('=').append(parameter.value());
        }
    }

    private static void appendParameter(StringBuilder out, String query, int from, int to) {
        int equals = indexOf(query, '=', from, to);
        int keyEnd = equals < 0 ? to : equals;
        appendCanonical(out, query, from, keyEnd);
        out.append('=');
        if (equals >= 0) {
            appendCanonical(out, query, equals + 1, to);
        }
    }

    private static String canonical(String s, int from, int to) {
        if (PercentEncoding.isCanonical(s, from, to)) {
            return s.substring(from, to);
        }
        StringBuilder out = new StringBuilder((to - from) * 3);
        appendReencoded(out, s, from, to);
        return out.toString();
    }

    private static void appendCanonical(StringBuilder out, String s, int from, int to) {
        if (PercentEncoding.isCanonical(s, from, to)) {
            out.append(s, from, to);
        } else {
            appendReencoded(out, s, from, to);
        }
    }

    private static void appendReencoded(StringBuilder out, String s, int from, int to) {
        byte[] bytes = new byte[(to - from) * 3];
        int length = PercentEncoding.decode(s, from, to, bytes);
        PercentEncoding.appendEncoded(out, bytes, length);
    }

    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** Ordered by key, then value; encoded text is ASCII, so UTF-16 order is the byte order SigV4 wants. */
    private record Parameter(String key, String value) implements Comparable<Parameter> {

        @Override
        public int compareTo(Parameter other) {
            int byKey = key.compareTo(other.key);
            return byKey != 0 ? byKey : value.compareTo(other.value);
        }
    }
}

package dev.cogsync.emulator.internal;

import dev.cogsync.protocol.PercentEncoding;

import java.util.HashMap;
import java.util.Map;

/** Splits a raw query string into decoded parameters; the first occurrence of a name wins. */
final class QueryString {

    private QueryString() {
    }

    static Map<String, String> parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, String> parameters = new HashMap<>(8);
        int length = rawQuery.length();
        int start = 0;
        while (start < length) {
            int amp = rawQuery.indexOf('&', start);
            int end = amp < 0 ? length : amp;
            if (end > start) {
                int eq = rawQuery.indexOf('=', start);
                String name;
                String value;
                if (eq < 0 || eq > end) {
                    name = rawQuery.substring(start, end);
                    value = "";
                } else {
                    name = rawQuery.substring(start, eq);
                    value = rawQuery.substring(eq + 1, end);
                }
                parameters.putIfAbsent(PercentEncoding.decode(name), PercentEncoding.decode(value));
            }
            start = end + 1;
        }
        return parameters;
    }
}

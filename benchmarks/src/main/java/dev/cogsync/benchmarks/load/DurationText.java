package dev.cogsync.benchmarks.load;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads the durations people type: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, or ISO-8601 {@code PT30S}. */
final class DurationText {

    private DurationText() {
    }

    /**
     * Parses a duration.
     *
     * @param text a whole number with a unit ({@code ms}, {@code s}, {@code m}, {@code h}), or ISO-8601
     * @return the duration, possibly zero or negative for ISO-8601 text; the caller checks the range
     * @throws IllegalArgumentException when the text is neither form
     */
    static Duration parse(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("p") || lower.startsWith("-p")) {
                return Duration.parse(lower);
            }
            if (lower.endsWith("ms")) {
                return Duration.ofMillis(number(lower, 2));
            }
            if (lower.endsWith("s")) {
                return Duration.ofSeconds(number(lower, 1));
            }
            if (lower.endsWith("m")) {
                return Duration.ofMinutes(number(lower, 1));
            }
            if (lower.endsWith("h")) {
                return Duration.ofHours(number(lower, 1));
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("not a duration: " + text, e);
        }
        throw new IllegalArgumentException("not a duration: " + text);
    }

    private static long number(String text, int unitLength) {
        String digits = text.substring(0, text.length() - unitLength);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a whole number: " + digits);
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("too large: " + digits, e);
        }
    }
}

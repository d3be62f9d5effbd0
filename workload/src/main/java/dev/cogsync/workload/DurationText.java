package dev.cogsync.workload;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads the durations people type: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, or ISO-8601 {@code PT30S}.
 * The one duration parser of every harness: the load command's options, the SDK peer's arguments and the Gatling
 * simulations' properties.
 */
public final class DurationText {

    private DurationText() {
    }

    /**
     * Parses a duration.
     *
     * @param text a whole number with a unit ({@code ms}, {@code s}, {@code m}, {@code h}), or ISO-8601
     * @return the duration, possibly zero or negative for ISO-8601 text; the caller checks the range
     * @throws IllegalArgumentException when the text is neither form
     */
    public static Duration parse(String text) {
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

    /**
     * Parses a setting that must be a duration, with the setting's name in the error.
     *
     * @param name the setting, for example {@code --duration} or {@code cogsync.duration}
     * @param text its value
     * @param examples what to show as valid, for example {@code 500ms, 10s, 2m or PT30S}
     * @return the duration, possibly zero or negative; the caller checks the range
     * @throws UsageException when the text is not a duration
     */
    public static Duration parse(String name, String text, String examples) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + ": must be a duration such as " + examples + ", was \"" + text + "\"");
        }
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

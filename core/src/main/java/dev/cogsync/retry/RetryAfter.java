package dev.cogsync.retry;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the server's hint on when to retry from the response headers.
 *
 * <p>Two headers are understood, in this order:
 * <ol>
 *   <li>{@value #AMZ_RETRY_AFTER}: a non-negative integer of milliseconds, as the AWS SDKs read it
 *       (botocore {@code ExponentialBackoff._get_retry_after_delay}).</li>
 *   <li>{@value #RETRY_AFTER} (RFC 9110, section 10.2.3): either delay-seconds, a non-negative integer of
 *       seconds, or an HTTP-date in the IMF-fixdate form {@code Sun, 06 Nov 1994 08:49:37 GMT}. Dates are
 *       parsed with {@link DateTimeFormatter#RFC_1123_DATE_TIME}, which also accepts the other RFC 1123 forms
 *       (one-digit day, no weekday, a numeric offset); a weekday that does not match the date is invalid. The
 *       obsolete RFC 850 and asctime date forms are not accepted.</li>
 * </ol>
 * A header that is absent or invalid is skipped, so an unusable {@value #AMZ_RETRY_AFTER} falls back to
 * {@value #RETRY_AFTER}. Invalid means anything but the forms above: signs, fractions, units, empty values.
 * Surrounding spaces and tabs are ignored. Integers too large for a {@code long} are read as the largest
 * {@code long} (RFC 9110 does the same for delta-seconds); {@link RetryPolicy#retryDelay} bounds the result
 * anyway.
 *
 * <p>A date in the past or equal to {@code now} gives {@link Duration#ZERO}, not empty: the server did answer,
 * and said the client may retry at once. Since {@link RetryPolicy#retryDelay} treats the hint as a floor under
 * its own backoff, zero and empty lead to the same delay; the difference is only visible to callers that log or
 * count hints.
 *
 * <p>This class holds no state and is thread-safe.
 */
public final class RetryAfter {

    /** The AWS header carrying the delay in milliseconds; preferred when both are present. */
    public static final String AMZ_RETRY_AFTER = "x-amz-retry-after";

    /** The standard HTTP header carrying delay-seconds or an HTTP-date. */
    public static final String RETRY_AFTER = "Retry-After";

    private RetryAfter() {
    }

    /**
     * The server's retry hint, if the response carries a valid one.
     *
     * <p>Header names are passed to {@code headers} exactly as {@value #AMZ_RETRY_AFTER} and
     * {@value #RETRY_AFTER}; HTTP header names are case-insensitive, and matching them that way is the
     * lookup's job. When a header appears several times, the lookup should return the first value; values must
     * not be joined with commas, since an HTTP-date contains one.
     *
     * @param headers looks up a response header's value by name; returns {@code null} when absent
     * @param now the current time, used to turn an HTTP-date into a delay
     * @return the delay the server asked for, zero or more; empty when neither header holds a valid value
     */
    public static Optional<Duration> parse(Function<String, String> headers, Instant now) {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(now, "now");
        Long millis = parseNonNegativeInteger(headers.apply(AMZ_RETRY_AFTER));
        if (millis != null) {
            return Optional.of(Duration.ofMillis(millis));
        }
        String retryAfter = headers.apply(RETRY_AFTER);
        Long seconds = parseNonNegativeInteger(retryAfter);
        if (seconds != null) {
            return Optional.of(Duration.ofSeconds(seconds));
        }
        return parseHttpDate(retryAfter, now);
    }

    /** 1*DIGIT after trimming optional whitespace; {@code null} when it is anything else. */
    private static Long parseNonNegativeInteger(String raw) {
        if (raw == null) {
            return null;
        }
        String value = trimOws(raw);
        if (value.isEmpty()) {
            return null;
        }
        long result = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            int digit = c - '0';
            if (result > (Long.MAX_VALUE - digit) / 10) {
                // Saturate rather than reject: a huge delay is still a valid, if extreme, answer.
                result = Long.MAX_VALUE;
            } else {
                result = result * 10 + digit;
            }
        }
        return result;
    }

    private static Optional<Duration> parseHttpDate(String raw, Instant now) {
        if (raw == null) {
            return Optional.empty();
        }
        Instant date;
        try {
            date = OffsetDateTime.parse(trimOws(raw), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.of(date.isAfter(now) ? Duration.between(now, date) : Duration.ZERO);
    }

    /** Strips HTTP optional whitespace (SP and HTAB) only, not every character {@link String#strip()} would. */
    private static String trimOws(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isOws(value.charAt(start))) {
            start++;
        }
        while (end > start && isOws(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }
}

package dev.cogsync.auth.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The {@code X-Amz-Date} format, {@code yyyyMMdd'T'HHmmss'Z'} in UTC, written and read by hand because
 * {@code DateTimeFormatter} is slow on a per-request path.
 */
public final class AmzDate {

    private static final int LENGTH = 16;
    private static final long SECONDS_PER_DAY = 86_400;

    private AmzDate() {
    }

    /**
     * Formats an instant, dropping fractions of a second.
     *
     * @param instant the instant
     * @return e.g. {@code 20150830T123600Z}
     * @throws IllegalArgumentException when the year is not between 0 and 9999
     */
    public static String format(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("signingTime: year must be between 0 and 9999, was " + year);
        }
        char[] out = new char[LENGTH];
        put(out, 0, year, 4);
        put(out, 4, date.getMonthValue(), 2);
        put(out, 6, date.getDayOfMonth(), 2);
        out[8] = 'T';
        put(out, 9, secondOfDay / 3600, 2);
        put(out, 11, secondOfDay / 60 % 60, 2);
        put(out, 13, secondOfDay % 60, 2);
        out[15] = 'Z';
        return new String(out);
    }

    /**
     * Parses the {@code X-Amz-Date} format strictly.
     *
     * @param text the text
     * @return the instant, or {@code null} when {@code text} is not a valid date and time in that format
     */
    public static Instant parse(String text) {
        if (text.length() != LENGTH || text.charAt(8) != 'T' || text.charAt(15) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 4, 2);
        int day = digits(text, 6, 2);
        int hour = digits(text, 9, 2);
        int minute = digits(text, 11, 2);
        int second = digits(text, 13, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static void put(char[] out, int offset, int value, int width) {
        for (int i = offset + width - 1; i >= offset; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int digits(String text, int offset, int width) {
        int value = 0;
        for (int i = offset; i < offset + width; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}

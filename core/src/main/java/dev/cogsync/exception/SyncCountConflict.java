package dev.cogsync.exception;

import java.util.Objects;
import java.util.Optional;

/**
 * What a conflict message says: which key was stale, the server's current sync count, and the count sent.
 *
 * <p>The service writes it as {@code Current SyncCount for: <key> is: <current> not: <sent>}. Keys may hold
 * any character, {@code " is: "} included, so the message is read from its end.
 *
 * @param key the record key whose sync count was stale
 * @param currentSyncCount the record's sync count on the server
 * @param sentSyncCount the sync count the request carried
 */
public record SyncCountConflict(String key, long currentSyncCount, long sentSyncCount) {

    private static final String PREFIX = CognitoSyncServiceException.CONFLICT_MESSAGE_PREFIX + " ";
    private static final String IS = " is: ";
    private static final String NOT = " not: ";

    /**
     * Requires the key.
     *
     * @param key the record key whose sync count was stale
     * @param currentSyncCount the record's sync count on the server
     * @param sentSyncCount the sync count the request carried
     */
    public SyncCountConflict {
        Objects.requireNonNull(key, "key");
    }

    /**
     * Reads a conflict message.
     *
     * @param message the service's message, or {@code null}
     * @return the conflict, or empty when the message does not have that form
     */
    public static Optional<SyncCountConflict> parse(String message) {
        if (message == null || !message.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int not = message.lastIndexOf(NOT);
        if (not < 0) {
            return Optional.empty();
        }
        int is = message.lastIndexOf(IS, not);
        if (is < PREFIX.length()) {
            return Optional.empty();
        }
        Long current = parseLong(message, is + IS.length(), not);
        Long sent = parseLong(message, not + NOT.length(), message.length());
        if (current == null || sent == null) {
            return Optional.empty();
        }
        return Optional.of(new SyncCountConflict(message.substring(PREFIX.length(), is), current, sent));
    }

    /**
     * The message the service sends for this conflict.
     *
     * @return {@code Current SyncCount for: <key> is: <current> not: <sent>}
     */
    public String toMessage() {
        return PREFIX + key + IS + currentSyncCount + NOT + sentSyncCount;
    }

    private static Long parseLong(String text, int start, int end) {
        int i = start;
        // Tolerate a trailing period or whitespace after the number, but nothing else.
        while (end > i && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == '.')) {
            end--;
        }
        boolean negative = i < end && text.charAt(i) == '-';
        if (negative) {
            i++;
        }
        if (i == end || end - i > 18) {
            return null;
        }
        long value = 0;
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }
}

package dev.cogsync.model;

import java.time.Instant;

/**
 * One change to one record: write a value, or remove the record.
 *
 * <p>{@code syncCount} is the record's last known sync count on the server, or 0 when the record does not
 * exist yet. The service rejects the whole request when it is stale (optimistic concurrency).
 *
 * <p>Validated when built: a {@code replace} carries a value of at most 1,048,575 characters; a {@code remove}
 * carries none; the key has 1 to 1,024 characters; the sync count is {@code >= 0}. Failures are
 * {@link dev.cogsync.exception.ValidationException}s naming the field and the rule, never the value.
 * {@link #toString()} shows the value's length, not the value.
 *
 * @param op what the patch does
 * @param key the record key
 * @param value the new value for {@code replace}; {@code null} for {@code remove}
 * @param syncCount the record's last known sync count, 0 for a new record
 * @param deviceLastModifiedDate when the device last changed the record, or {@code null}
 */
public record RecordPatch(Operation op, String key, String value, long syncCount, Instant deviceLastModifiedDate) {

    /**
     * Validates the patch.
     *
     * @param op what the patch does
     * @param key the record key
     * @param value the new value for {@code replace}; {@code null} for {@code remove}
     * @param syncCount the record's last known sync count, 0 for a new record
     * @param deviceLastModifiedDate when the device last changed the record, or {@code null}
     */
    public RecordPatch {
        Constraints.required("recordPatch.op", op);
        Constraints.length("recordPatch.key", key, 1, Constraints.MAX_KEY_LENGTH);
        if (op == Operation.REPLACE) {
            Constraints.length("recordPatch.value", value, 0, Constraints.MAX_VALUE_LENGTH);
        } else if (value != null) {
            throw new dev.cogsync.exception.ValidationException("recordPatch.value",
                    "must be absent when op is remove, length " + value.length());
        }
        Constraints.nonNegative("recordPatch.syncCount", syncCount);
    }

    /**
     * A patch that writes a value.
     *
     * @param key the record key
     * @param value the new value
     * @param syncCount the record's last known sync count, 0 for a new record
     * @return the validated patch
     */
    public static RecordPatch replace(String key, String value, long syncCount) {
        return new RecordPatch(Operation.REPLACE, key, value, syncCount, null);
    }

    /**
     * A patch that removes a record, leaving a tombstone.
     *
     * @param key the record key
     * @param syncCount the record's last known sync count
     * @return the validated patch
     */
    public static RecordPatch remove(String key, long syncCount) {
        return new RecordPatch(Operation.REMOVE, key, null, syncCount, null);
    }

    /**
     * This patch with another sync count.
     *
     * @param newSyncCount the sync count to send
     * @return a new patch; this one is unchanged
     */
    public RecordPatch withSyncCount(long newSyncCount) {
        return newSyncCount == syncCount ? this
                : new RecordPatch(op, key, value, newSyncCount, deviceLastModifiedDate);
    }

    /**
     * This patch with a device modification date.
     *
     * @param date when the device last changed the record, or {@code null}
     * @return a new patch; this one is unchanged
     */
    public RecordPatch withDeviceLastModifiedDate(Instant date) {
        return new RecordPatch(op, key, value, syncCount, date);
    }

    /**
     * Whether this patch removes its record.
     *
     * @return {@code true} for {@link Operation#REMOVE}
     */
    public boolean isRemove() {
        return op == Operation.REMOVE;
    }

    /** Shows the value's length, never the value, which may be personal data. */
    @Override
    public String toString() {
        return "RecordPatch[op=" + op.wireName() + ", key=" + key
                + (value == null ? "" : ", value=<" + value.length() + " chars>")
                + ", syncCount=" + syncCount
                + (deviceLastModifiedDate == null ? "" : ", deviceLastModifiedDate=" + deviceLastModifiedDate)
                + "]";
    }
}

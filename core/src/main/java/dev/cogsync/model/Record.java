package dev.cogsync.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A record as the service returned it.
 *
 * <p>A record whose value is {@code null} is a tombstone: it was removed, and its sync count says when.
 * Records come from the server, so only the key is required; the service's input limits are not re-checked.
 * {@link #toString()} shows the value's length, not the value.
 *
 * @param key the record key
 * @param value the value, or {@code null} for a removed record
 * @param syncCount the dataset sync count at the record's last write
 * @param lastModifiedDate when the server last changed the record, or {@code null}
 * @param lastModifiedBy who last changed it (an identity or device), or {@code null}
 * @param deviceLastModifiedDate when the device last changed it, as the device reported, or {@code null}
 */
public record Record(String key, String value, long syncCount, Instant lastModifiedDate, String lastModifiedBy,
                     Instant deviceLastModifiedDate) {

    /**
     * Requires the key.
     *
     * @param key the record key
     * @param value the value, or {@code null} for a removed record
     * @param syncCount the dataset sync count at the record's last write
     * @param lastModifiedDate when the server last changed the record, or {@code null}
     * @param lastModifiedBy who last changed it (an identity or device), or {@code null}
     * @param deviceLastModifiedDate when the device last changed it, as the device reported, or {@code null}
     */
    public Record {
        Objects.requireNonNull(key, "key");
    }

    /**
     * Whether this record was removed.
     *
     * @return {@code true} when the value is absent
     */
    public boolean isDeleted() {
        return value == null;
    }

    /** Shows the value's length, never the value, which may be personal data. */
    @Override
    public String toString() {
        return "Record[key=" + key + ", value=" + (value == null ? "<deleted>" : "<" + value.length() + " chars>")
                + ", syncCount=" + syncCount
                + (lastModifiedDate == null ? "" : ", lastModifiedDate=" + lastModifiedDate)
                + (lastModifiedBy == null ? "" : ", lastModifiedBy=" + lastModifiedBy)
                + (deviceLastModifiedDate == null ? "" : ", deviceLastModifiedDate=" + deviceLastModifiedDate)
                + "]";
    }
}

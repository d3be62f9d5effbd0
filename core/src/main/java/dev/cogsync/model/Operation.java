package dev.cogsync.model;

/** What a {@link RecordPatch} does to its record. */
public enum Operation {

    /** Writes the patch's value. */
    REPLACE("replace"),
    /** Deletes the record, leaving a tombstone: the key stays, with a new sync count and no value. */
    REMOVE("remove");

    private final String wireName;

    Operation(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name the service uses on the wire.
     *
     * @return {@code replace} or {@code remove}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses the wire name.
     *
     * @param wireName {@code replace} or {@code remove}, exactly
     * @return the operation, or {@code null} when the name is not one of them
     */
    public static Operation fromWireName(String wireName) {
        if ("replace".equals(wireName)) {
            return REPLACE;
        }
        if ("remove".equals(wireName)) {
            return REMOVE;
        }
        return null;
    }
}

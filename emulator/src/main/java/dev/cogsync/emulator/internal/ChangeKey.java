package dev.cogsync.emulator.internal;

/**
 * The order of ListRecords: by sync count, then by key. Keys compare by UTF-16 units, which is deterministic.
 *
 * @param syncCount the record's sync count
 * @param key the record key
 */
record ChangeKey(long syncCount, String key) implements Comparable<ChangeKey> {

    @Override
    public int compareTo(ChangeKey other) {
        int bySyncCount = Long.compare(syncCount, other.syncCount);
        return bySyncCount != 0 ? bySyncCount : key.compareTo(other.key);
    }
}

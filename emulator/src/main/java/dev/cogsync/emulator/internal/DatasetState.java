package dev.cogsync.emulator.internal;

import dev.cogsync.model.Dataset;
import dev.cogsync.emulator.AppliedUpdate;
import dev.cogsync.emulator.DatasetSnapshot;
import dev.cogsync.emulator.EmulatorLimits;
import dev.cogsync.exception.SyncCountConflict;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One dataset name of one identity: its records and counters, across deletions. Every method holds the
 * object's monitor for the whole operation, which makes operations on one dataset linearizable; the sections
 * are short (no I/O, no encoding), and {@code synchronized} does not park an event loop the way a contended
 * {@code ReentrantLock} does under BlockHound.
 *
 * <p>The sync count survives a deletion, so a recreated dataset continues from it: sync counts of one name
 * never repeat, and {@code deletedAtSyncCount} tells which callers knew the deleted data.
 */
final class DatasetState {

    private final IdentityDatasets owner;
    private final String name;
    private final Map<String, Record> byKey = new HashMap<>();
    private final NavigableMap<ChangeKey, Record> byChange = new TreeMap<>();
    private boolean exists;
    private long syncCount;
    private long deletedAtSyncCount;
    private Instant creationDate;
    private Instant lastModifiedDate;
    private String lastModifiedBy;
    private int liveRecords;
    private long dataBytes;
    private final List<AppliedUpdate> history;

    DatasetState(IdentityDatasets owner, String name, boolean recordHistory) {
        this.owner = owner;
        this.name = name;
        this.history = recordHistory ? new ArrayList<>() : null;
    }

    /**
     * Applies an UpdateRecords atomically: every patch or none.
     *
     * @param patches at least one patch, keys unique
     * @return the records written, in request order
     * @throws ServiceError 409 for the first stale patch, 400 {@code LimitExceededException} for a limit
     */
    synchronized List<Record> update(List<RecordPatch> patches, EmulatorLimits limits, Instant now,
                                     String modifiedBy) {
        int size = patches.size();
        for (int i = 0; i < size; i++) {
            RecordPatch patch = patches.get(i);
            Record current = byKey.get(patch.key());
            long currentCount = current == null ? 0 : current.syncCount();
            if (patch.syncCount() != currentCount) {
                throw ServiceError.conflict(
                        new SyncCountConflict(patch.key(), currentCount, patch.syncCount()).toMessage());
            }
        }
        int records = liveRecords;
        long bytes = dataBytes;
        for (int i = 0; i < size; i++) {
            RecordPatch patch = patches.get(i);
            Record current = byKey.get(patch.key());
            if (current != null && current.value() != null) {
                records--;
                bytes -= Utf8.length(current.key()) + Utf8.length(current.value());
            }
            if (patch.value() != null) {
                records++;
                bytes += Utf8.length(patch.key()) + Utf8.length(patch.value());
            }
        }
        if (records > limits.maxRecordsPerDataset()) {
            throw ServiceError.limitExceeded("Too many records in dataset " + name + ": " + records
                    + " would exceed the limit of " + limits.maxRecordsPerDataset());
        }
        if (bytes > limits.maxDatasetBytes()) {
            throw ServiceError.limitExceeded("Dataset " + name + " would hold " + bytes
                    + " bytes, over the limit of " + limits.maxDatasetBytes());
        }
        if (!exists) {
            if (!owner.tryCreate(limits.maxDatasetsPerIdentity())) {
                throw ServiceError.limitExceeded("Identity " + owner.identityId + " already has the maximum of "
                        + limits.maxDatasetsPerIdentity() + " datasets");
            }
            exists = true;
            creationDate = now;
        }
        long count = ++syncCount;
        List<Record> written = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            RecordPatch patch = patches.get(i);
            Record record = new Record(patch.key(), patch.value(), count, now, modifiedBy,
                    patch.deviceLastModifiedDate());
            Record previous = byKey.put(record.key(), record);
            if (previous != null) {
                byChange.remove(new ChangeKey(previous.syncCount(), previous.key()));
            }
            byChange.put(new ChangeKey(count, record.key()), record);
            written.add(record);
        }
        liveRecords = records;
        dataBytes = bytes;
        lastModifiedDate = now;
        lastModifiedBy = modifiedBy;
        if (history != null) {
            history.add(new AppliedUpdate(count, now, patches));
        }
        return written;
    }

    /**
     * Reads one ListRecords page.
     *
     * @param lastSyncCount the caller's last sync count
     * @param after the previous page's position, or {@code null} for the first page
     * @param pageSize the most records to return
     * @throws ServiceError 400 "No such SyncCount" when the count is beyond this dataset's
     */
    synchronized RecordsPage list(long lastSyncCount, PageToken after, int pageSize) {
        if (lastSyncCount > syncCount) {
            throw noSuchSyncCount(lastSyncCount);
        }
        boolean deletedAfter = deletedAtSyncCount > 0 && lastSyncCount > 0 && lastSyncCount <= deletedAtSyncCount;
        if (!exists) {
            return new RecordsPage(List.of(), null, 0, false, deletedAfter, null);
        }
        ChangeKey from = new ChangeKey(lastSyncCount + 1, "");
        NavigableMap<ChangeKey, Record> tail = after == null || after.syncCount() <= lastSyncCount
                ? byChange.tailMap(from, true)
                : byChange.tailMap(new ChangeKey(after.syncCount(), after.key()), false);
        List<Record> page = new ArrayList<>(Math.min(pageSize, tail.size()));
        Iterator<Record> records = tail.values().iterator();
        while (page.size() < pageSize && records.hasNext()) {
            page.add(records.next());
        }
        PageToken next = null;
        if (records.hasNext()) {
            Record last = page.get(page.size() - 1);
            next = new PageToken(last.syncCount(), last.key());
        }
        return new RecordsPage(page, next, syncCount, true, deletedAfter, lastModifiedBy);
    }

    static ServiceError noSuchSyncCount(long lastSyncCount) {
        return ServiceError.invalidParameter("No such SyncCount: " + lastSyncCount + " exists for this Dataset");
    }

    /** The dataset's summary, or {@code null} when it does not exist. */
    synchronized Dataset describe() {
        return exists ? summary() : null;
    }

    /** Deletes the dataset, keeping its sync count; returns its last summary, or {@code null} if absent. */
    synchronized Dataset delete() {
        if (!exists) {
            return null;
        }
        Dataset last = summary();
        exists = false;
        deletedAtSyncCount = syncCount;
        byKey.clear();
        byChange.clear();
        liveRecords = 0;
        dataBytes = 0;
        owner.deleted();
        return last;
    }

    /** Every record, ordered by key, or {@code null} when the dataset does not exist. */
    /** Every applied update, oldest first; empty unless history is kept. */
    synchronized List<AppliedUpdate> history() {
        return history == null ? List.of() : List.copyOf(history);
    }

    synchronized DatasetSnapshot snapshot() {
        if (!exists) {
            return null;
        }
        List<Record> records = new ArrayList<>(byKey.values());
        records.sort(Comparator.comparing(Record::key));
        return new DatasetSnapshot(DatasetRef.of(owner.identityPoolId, owner.identityId, name), syncCount,
                creationDate, lastModifiedDate, lastModifiedBy, dataBytes, liveRecords, records);
    }

    private Dataset summary() {
        return new Dataset(owner.identityId, name, creationDate, lastModifiedDate, lastModifiedBy, dataBytes,
                liveRecords);
    }
}

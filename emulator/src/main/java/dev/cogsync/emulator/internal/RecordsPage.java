package dev.cogsync.emulator.internal;

import dev.cogsync.model.Record;

import java.util.List;

/**
 * One ListRecords page as read under the dataset's lock.
 *
 * @param records the records on the page
 * @param next the position to continue from, or {@code null} on the last page
 * @param datasetSyncCount the dataset's count; 0 when it does not exist
 * @param exists whether the dataset exists
 * @param deletedAfterRequestedSyncCount whether it was deleted after the requested count
 * @param lastModifiedBy who last wrote it, or {@code null}
 */
record RecordsPage(List<Record> records, PageToken next, long datasetSyncCount, boolean exists,
                   boolean deletedAfterRequestedSyncCount, String lastModifiedBy) {

    static final RecordsPage ABSENT = new RecordsPage(List.of(), null, 0, false, false, null);
}

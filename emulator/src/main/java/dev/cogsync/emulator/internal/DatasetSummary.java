package dev.cogsync.emulator.internal;

import java.time.Instant;

/**
 * The {@code Dataset} shape of DescribeDataset, ListDatasets and DeleteDataset.
 *
 * @param identityId the identity
 * @param datasetName the dataset
 * @param creationDate when it was created
 * @param lastModifiedDate when it was last written
 * @param lastModifiedBy who last wrote it
 * @param dataStorage UTF-8 bytes of live keys and values
 * @param numRecords live records
 */
record DatasetSummary(String identityId, String datasetName, Instant creationDate, Instant lastModifiedDate,
                      String lastModifiedBy, long dataStorage, long numRecords) {
}

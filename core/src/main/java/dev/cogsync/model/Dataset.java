package dev.cogsync.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A dataset as DescribeDataset, ListDatasets and DeleteDataset describe it.
 *
 * @param identityId the identity it belongs to
 * @param datasetName its name
 * @param creationDate when its first UpdateRecords created it, or {@code null}
 * @param lastModifiedDate when it was last written, or {@code null}
 * @param lastModifiedBy who last wrote it, or {@code null}
 * @param dataStorage UTF-8 bytes of its live keys and values
 * @param numRecords its live records
 */
public record Dataset(String identityId, String datasetName, Instant creationDate, Instant lastModifiedDate,
                      String lastModifiedBy, long dataStorage, long numRecords) {

    /**
     * Requires the identity and the name.
     *
     * @param identityId the identity it belongs to
     * @param datasetName its name
     * @param creationDate when its first UpdateRecords created it, or {@code null}
     * @param lastModifiedDate when it was last written, or {@code null}
     * @param lastModifiedBy who last wrote it, or {@code null}
     * @param dataStorage UTF-8 bytes of its live keys and values
     * @param numRecords its live records
     */
    public Dataset {
        Objects.requireNonNull(identityId, "identityId");
        Objects.requireNonNull(datasetName, "datasetName");
    }
}

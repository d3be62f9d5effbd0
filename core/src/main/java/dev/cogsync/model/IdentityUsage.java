package dev.cogsync.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What one identity uses, as DescribeIdentityUsage reports it.
 *
 * @param identityPoolId the pool
 * @param identityId the identity
 * @param datasetCount its datasets
 * @param dataStorage UTF-8 bytes of the live keys and values of all its datasets
 * @param lastModifiedDate when any of its datasets was last written, or {@code null}
 */
public record IdentityUsage(String identityPoolId, String identityId, long datasetCount, long dataStorage,
                            Instant lastModifiedDate) {

    /**
     * Requires the pool and the identity.
     *
     * @param identityPoolId the pool
     * @param identityId the identity
     * @param datasetCount its datasets
     * @param dataStorage UTF-8 bytes of the live keys and values of all its datasets
     * @param lastModifiedDate when any of its datasets was last written, or {@code null}
     */
    public IdentityUsage {
        Objects.requireNonNull(identityPoolId, "identityPoolId");
        Objects.requireNonNull(identityId, "identityId");
    }
}

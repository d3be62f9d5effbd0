package dev.cogsync.model;

/**
 * Names one dataset: an identity pool, an identity in it, and a dataset of that identity.
 *
 * <p>Every part is validated when the reference is built, so a {@code DatasetRef} that exists is one the
 * service accepts. A malformed part fails with a {@link dev.cogsync.exception.ValidationException} naming
 * the field, the rule and the length.
 *
 * @param identityPoolId the identity pool, 1 to 55 characters matching {@code [\w-]+:[0-9a-f-]+}, for
 *     example {@code us-east-1:23ec4050-6aea-7089-a2dd-08002e000000}
 * @param identityId the identity, with the same rules as the pool id
 * @param datasetName the dataset, 1 to 128 characters matching {@code [a-zA-Z0-9_.:-]+}
 */
public record DatasetRef(String identityPoolId, String identityId, String datasetName) {

    /**
     * Validates every part.
     *
     * @param identityPoolId the identity pool, 1 to 55 characters matching {@code [\w-]+:[0-9a-f-]+}, for example {@code us-east-1:23ec4050-6aea-7089-a2dd-08002e000000}
     * @param identityId the identity, with the same rules as the pool id
     * @param datasetName the dataset, 1 to 128 characters matching {@code [a-zA-Z0-9_.:-]+}
     */
    public DatasetRef {
        Constraints.id("identityPoolId", identityPoolId);
        Constraints.id("identityId", identityId);
        Constraints.datasetName("datasetName", datasetName);
    }

    /**
     * Creates a reference.
     *
     * @param identityPoolId the identity pool id
     * @param identityId the identity id
     * @param datasetName the dataset name
     * @return the validated reference
     */
    public static DatasetRef of(String identityPoolId, String identityId, String datasetName) {
        return new DatasetRef(identityPoolId, identityId, datasetName);
    }
}

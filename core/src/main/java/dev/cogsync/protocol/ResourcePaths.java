package dev.cogsync.protocol;

import dev.cogsync.model.DatasetRef;

/**
 * The request paths of the dataset operations, with every label percent-encoded once ({@code :} becomes
 * {@code %3A}), as the service expects them on the wire.
 */
public final class ResourcePaths {

    private ResourcePaths() {
    }

    /**
     * The path of a dataset: UpdateRecords (POST), DescribeDataset (GET) and DeleteDataset (DELETE).
     *
     * @param dataset the dataset
     * @return {@code /identitypools/{pool}/identities/{identity}/datasets/{name}}
     */
    public static String dataset(DatasetRef dataset) {
        return appendDataset(new StringBuilder(160), dataset).toString();
    }

    /**
     * The path of a dataset's records: ListRecords (GET).
     *
     * @param dataset the dataset
     * @return {@code /identitypools/{pool}/identities/{identity}/datasets/{name}/records}
     */
    public static String records(DatasetRef dataset) {
        return appendDataset(new StringBuilder(168), dataset).append("/records").toString();
    }

    /**
     * The path of an identity: DescribeIdentityUsage (GET).
     *
     * @param identityPoolId the pool
     * @param identityId the identity
     * @return {@code /identitypools/{pool}/identities/{identity}}
     */
    public static String identity(String identityPoolId, String identityId) {
        return appendIdentity(new StringBuilder(128), identityPoolId, identityId).toString();
    }

    /**
     * The path of an identity's datasets: ListDatasets (GET).
     *
     * @param identityPoolId the pool
     * @param identityId the identity
     * @return {@code /identitypools/{pool}/identities/{identity}/datasets}
     */
    public static String datasets(String identityPoolId, String identityId) {
        return appendIdentity(new StringBuilder(140), identityPoolId, identityId).append("/datasets").toString();
    }

    private static StringBuilder appendIdentity(StringBuilder path, String identityPoolId, String identityId) {
        path.append("/identitypools/");
        PercentEncoding.appendEncoded(path, identityPoolId);
        path.append("/identities/");
        PercentEncoding.appendEncoded(path, identityId);
        return path;
    }

    private static StringBuilder appendDataset(StringBuilder path, DatasetRef dataset) {
        appendIdentity(path, dataset.identityPoolId(), dataset.identityId());
        path.append("/datasets/");
        PercentEncoding.appendEncoded(path, dataset.datasetName());
        return path;
    }
}

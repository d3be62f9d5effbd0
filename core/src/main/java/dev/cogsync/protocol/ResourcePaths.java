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

    private static StringBuilder appendDataset(StringBuilder path, DatasetRef dataset) {
        path.append("/identitypools/");
        PercentEncoding.appendEncoded(path, dataset.identityPoolId());
        path.append("/identities/");
        PercentEncoding.appendEncoded(path, dataset.identityId());
        path.append("/datasets/");
        PercentEncoding.appendEncoded(path, dataset.datasetName());
        return path;
    }
}

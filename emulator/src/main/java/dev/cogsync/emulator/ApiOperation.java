package dev.cogsync.emulator;

/** The Cognito Sync operations the emulator serves, and {@link #UNKNOWN} for requests that match none. */
public enum ApiOperation {

    /** {@code GET /identitypools/{pool}/identities/{identity}/datasets/{name}/records}. */
    LIST_RECORDS("ListRecords"),
    /** {@code POST /identitypools/{pool}/identities/{identity}/datasets/{name}}. */
    UPDATE_RECORDS("UpdateRecords"),
    /** {@code GET /identitypools/{pool}/identities/{identity}/datasets/{name}}. */
    DESCRIBE_DATASET("DescribeDataset"),
    /** {@code GET /identitypools/{pool}/identities/{identity}/datasets}. */
    LIST_DATASETS("ListDatasets"),
    /** {@code DELETE /identitypools/{pool}/identities/{identity}/datasets/{name}}. */
    DELETE_DATASET("DeleteDataset"),
    /** {@code GET /identitypools/{pool}/identities/{identity}}. */
    DESCRIBE_IDENTITY_USAGE("DescribeIdentityUsage"),
    /** Cognito Identity {@code GetId}. */
    GET_ID("GetId"),
    /** Cognito Identity {@code GetCredentialsForIdentity}. */
    GET_CREDENTIALS_FOR_IDENTITY("GetCredentialsForIdentity"),
    /** Cognito Identity {@code CreateIdentityPool}. */
    CREATE_IDENTITY_POOL("CreateIdentityPool"),
    /** A method and path that name no operation; answered with 404 {@code UnknownOperationException}. */
    UNKNOWN("Unknown");

    private final String apiName;

    ApiOperation(String apiName) {
        this.apiName = apiName;
    }

    /**
     * The operation's name in the API model.
     *
     * @return for example {@code UpdateRecords}
     */
    public String apiName() {
        return apiName;
    }
}

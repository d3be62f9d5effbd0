package dev.cogsync.model;

/**
 * One page of an identity's datasets (ListDatasets). Validated on construction: ids match their pattern, and
 * {@code maxResults}, when given, is at least 1 (the model sets no maximum; pages hold at most 60 datasets).
 * {@link #toString()} hides the page token.
 *
 * @param identityPoolId the pool
 * @param identityId the identity
 * @param maxResults the most datasets in the page, or {@code null} for the service's default
 * @param nextToken the token of the page to read, or {@code null} for the first
 */
public record ListDatasetsRequest(String identityPoolId, String identityId, Integer maxResults, String nextToken) {

    /**
     * Validates every part, naming the field and the rule.
     *
     * @param identityPoolId the pool
     * @param identityId the identity
     * @param maxResults the most datasets in the page, or {@code null} for the service's default
     * @param nextToken the token of the page to read, or {@code null} for the first
     */
    public ListDatasetsRequest {
        Constraints.id("identityPoolId", identityPoolId);
        Constraints.id("identityId", identityId);
        if (maxResults != null && maxResults < 1) {
            throw new dev.cogsync.exception.ValidationException("maxResults", "must be >= 1, was " + maxResults);
        }
        if (nextToken != null) {
            Constraints.headerSafe("nextToken", nextToken);
        }
    }

    /**
     * The first page of an identity's datasets.
     *
     * @param identityPoolId the pool
     * @param identityId the identity
     * @return the request
     */
    public static ListDatasetsRequest of(String identityPoolId, String identityId) {
        return new ListDatasetsRequest(identityPoolId, identityId, null, null);
    }

    /**
     * The same request for the page a token names.
     *
     * @param token the previous page's {@code nextToken}
     * @return the request
     */
    public ListDatasetsRequest withNextToken(String token) {
        return new ListDatasetsRequest(identityPoolId, identityId, maxResults, token);
    }

    /** Hides the page token. */
    @Override
    public String toString() {
        return "ListDatasetsRequest[identityPoolId=" + identityPoolId + ", identityId=" + identityId
                + ", maxResults=" + maxResults + ", nextToken=" + (nextToken == null ? "null" : "****") + "]";
    }
}

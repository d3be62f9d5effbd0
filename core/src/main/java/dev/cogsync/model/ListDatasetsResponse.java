package dev.cogsync.model;

import java.util.List;
import java.util.Objects;

/**
 * One page of an identity's datasets.
 *
 * @param datasets the datasets of the page, by name
 * @param count how many the page holds
 * @param nextToken the token of the next page, or {@code null} on the last
 */
public record ListDatasetsResponse(List<Dataset> datasets, int count, String nextToken) {

    /**
     * Copies the list.
     *
     * @param datasets the datasets of the page, by name
     * @param count how many the page holds
     * @param nextToken the token of the next page, or {@code null} on the last
     */
    public ListDatasetsResponse {
        datasets = List.copyOf(Objects.requireNonNull(datasets, "datasets"));
    }

    /** Hides the page token. */
    @Override
    public String toString() {
        return "ListDatasetsResponse[datasets=" + datasets + ", count=" + count + ", nextToken="
                + (nextToken == null ? "null" : "****") + "]";
    }
}

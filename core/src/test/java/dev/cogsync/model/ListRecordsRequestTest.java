package dev.cogsync.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListRecordsRequestTest {

    private static final DatasetRef DATASET = DatasetRef.of("us-east-1:0000", "us-east-1:1111", "settings");

    @Test
    void everyOptionalMemberMayBeAbsent() {
        ListRecordsRequest request = ListRecordsRequest.of(DATASET);
        assertThat(request.lastSyncCount()).isNull();
        assertThat(request.maxResults()).isNull();
        assertThat(request.nextToken()).isNull();
        assertThat(request.syncSessionToken()).isNull();
    }

    @Test
    void lastSyncCountAtBoundary() {
        assertThat(ListRecordsRequest.builder().dataset(DATASET).lastSyncCount(0L).build().lastSyncCount()).isZero();
        assertThatThrownBy(() -> ListRecordsRequest.builder().dataset(DATASET).lastSyncCount(-1L).build())
                .hasMessage("lastSyncCount: must be >= 0, was -1");
    }

    @Test
    void maxResultsAtBoundary() {
        assertThat(ListRecordsRequest.builder().dataset(DATASET).maxResults(1).build().maxResults()).isEqualTo(1);
        assertThatThrownBy(() -> ListRecordsRequest.builder().dataset(DATASET).maxResults(0).build())
                .hasMessage("maxResults: must be >= 1, was 0");
    }

    @Test
    void datasetIsRequired() {
        assertThatThrownBy(() -> ListRecordsRequest.builder().build()).hasMessage("dataset: is required");
    }

    @Test
    void nextPageKeepsEverythingElse() {
        ListRecordsRequest first = ListRecordsRequest.builder().dataset(DATASET).lastSyncCount(4L).maxResults(10)
                .syncSessionToken("s").build();
        ListRecordsRequest second = first.withNextToken("page2");
        assertThat(second).isEqualTo(first.toBuilder().nextToken("page2").build());
    }

    @Test
    void toStringHidesTokens() {
        String text = ListRecordsRequest.builder().dataset(DATASET).nextToken("next-secret")
                .syncSessionToken("session-secret").build().toString();
        assertThat(text).doesNotContain("next-secret").doesNotContain("session-secret");
        String response = ListRecordsResponse.builder().syncSessionToken("session-secret").nextToken("n-secret")
                .records(List.of()).build().toString();
        assertThat(response).doesNotContain("session-secret").doesNotContain("n-secret");
    }

    @Test
    void responseDefaultsCountToRecordsOnPage() {
        ListRecordsResponse response = ListRecordsResponse.builder()
                .records(List.of(new Record("a", null, 2, null, null, null))).build();
        assertThat(response.count()).isEqualTo(1);
        assertThat(response.records().get(0).isDeleted()).isTrue();
        assertThat(response.hasNextPage()).isFalse();
        assertThat(response.mergedDatasetNames()).isEmpty();
    }
}

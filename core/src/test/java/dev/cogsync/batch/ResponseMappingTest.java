package dev.cogsync.batch;

import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseMappingTest {

    private static Record record(String key, long count) {
        return new Record(key, "v", count, null, null, null);
    }

    @Test
    void matchesRecordsInRequestOrder() {
        List<RecordPatch> sent = List.of(RecordPatch.replace("a", "1", 0), RecordPatch.replace("b", "2", 0));
        assertThat(ResponseMapping.match(sent, List.of(record("a", 1), record("b", 1))))
                .extracting(Record::key).containsExactly("a", "b");
    }

    @Test
    void matchesRecordsInAnyOrderAndIgnoresKeysTheRequestDidNotName() {
        List<RecordPatch> sent = List.of(RecordPatch.replace("a", "1", 0), RecordPatch.remove("b", 3));
        Record[] matched = ResponseMapping.match(sent, List.of(record("trigger", 5), record("b", 5),
                record("a", 5)));
        assertThat(matched).extracting(Record::key).containsExactly("a", "b");
    }

    @Test
    void aKeyMissingFromTheResponseMatchesNothing() {
        List<RecordPatch> sent = List.of(RecordPatch.replace("a", "1", 0), RecordPatch.replace("b", "2", 0));
        Record[] matched = ResponseMapping.match(sent, List.of(record("a", 1)));
        assertThat(matched[0].key()).isEqualTo("a");
        assertThat(matched[1]).isNull();
    }

    @Test
    void sameSizeButDifferentKeysFallsBackToLookup() {
        List<RecordPatch> sent = List.of(RecordPatch.replace("a", "1", 0), RecordPatch.replace("b", "2", 0));
        Record[] matched = ResponseMapping.match(sent, List.of(record("b", 1), record("x", 1)));
        assertThat(matched[0]).isNull();
        assertThat(matched[1].key()).isEqualTo("b");
    }
}

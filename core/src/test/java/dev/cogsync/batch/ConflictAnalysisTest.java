package dev.cogsync.batch;

import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictAnalysisTest {

    /** A dataset's records, with the service's sync count rules, to check the analysis against. */
    record Dataset(Map<String, Record> records, long syncCount) {

        Dataset apply(List<RecordPatch> patches) {
            Map<String, Record> next = new HashMap<>(records);
            long count = syncCount + 1;
            for (RecordPatch patch : patches) {
                next.put(patch.key(), new Record(patch.key(), patch.isRemove() ? null : patch.value(), count, null,
                        null, null));
            }
            return new Dataset(next, count);
        }
    }

    @Test
    void aMissingKeyHasSyncCountZero() {
        assertThat(ConflictAnalysis.currentSyncCount(Map.of(), "k")).isZero();
        assertThat(ConflictAnalysis.isStale(RecordPatch.replace("k", "v", 0), Map.of())).isFalse();
        assertThat(ConflictAnalysis.isStale(RecordPatch.replace("k", "v", 1), Map.of())).isTrue();
    }

    @Test
    void condemnsOnlyTheStalePatches() {
        Map<String, Record> current = Map.of("a", new Record("a", "x", 4, null, null, null),
                "b", new Record("b", null, 7, null, null, null));
        List<RecordPatch> sent = List.of(RecordPatch.replace("a", "1", 4), RecordPatch.replace("b", "2", 6),
                RecordPatch.replace("c", "3", 0), RecordPatch.remove("d", 2));
        assertThat(ConflictAnalysis.stale(sent, current)).containsExactly(1, 3);
    }

    @Test
    void anAppliedRequestIsRecognisedFromTheRecordsItWrote() {
        Dataset before = new Dataset(Map.of("a", new Record("a", "old", 3, null, null, null)), 3);
        List<RecordPatch> sent = List.of(RecordPatch.replace("a", "new", 3), RecordPatch.remove("gone", 0),
                RecordPatch.replace("b", "v", 0));

        assertThat(ConflictAnalysis.wasApplied(sent, before.apply(sent).records())).isTrue();
        assertThat(ConflictAnalysis.wasApplied(sent, before.records())).isFalse();
    }

    @Test
    void aSameValueWrittenByAnotherRequestIsNotOurs() {
        Dataset before = new Dataset(Map.of(), 0);
        List<RecordPatch> ours = List.of(RecordPatch.replace("a", "v", 0), RecordPatch.replace("b", "w", 0));
        Dataset other = before.apply(List.of(RecordPatch.replace("a", "v", 0))).apply(List.of(
                RecordPatch.replace("b", "w", 0)));
        assertThat(ConflictAnalysis.wasApplied(ours, other.records())).as("written at two different counts").isFalse();
        assertThat(ConflictAnalysis.wasApplied(List.of(), other.records())).isFalse();
    }

    @Property(tries = 1000)
    void staleIsExactlyTheCountMismatch(@ForAll("states") Dataset state, @ForAll("requests") List<RecordPatch> sent) {
        List<Integer> stale = ConflictAnalysis.stale(sent, state.records());
        for (int i = 0; i < sent.size(); i++) {
            RecordPatch patch = sent.get(i);
            Record record = state.records().get(patch.key());
            long server = record == null ? 0 : record.syncCount();
            assertThat(stale.contains(i)).isEqualTo(patch.syncCount() != server);
        }
    }

    @Property(tries = 1000)
    void aRequestWithCurrentCountsIsRecognisedAfterItIsAppliedAndNotBefore(@ForAll("states") Dataset state,
                                                                           @ForAll("requests") List<RecordPatch> keys) {
        List<RecordPatch> current = new ArrayList<>();
        for (RecordPatch patch : keys) {
            current.add(patch.withSyncCount(ConflictAnalysis.currentSyncCount(state.records(), patch.key())));
        }
        if (current.isEmpty()) {
            return;
        }
        assertThat(ConflictAnalysis.stale(current, state.records())).isEmpty();
        assertThat(ConflictAnalysis.wasApplied(current, state.records())).isFalse();
        Dataset after = state.apply(current);
        assertThat(ConflictAnalysis.wasApplied(current, after.records())).isTrue();
        assertThat(ConflictAnalysis.stale(current, after.records())).hasSize(current.size());

        RecordPatch first = current.get(0);
        Dataset overwritten = after.apply(List.of(RecordPatch.replace(first.key(), "someone else", 0)
                .withSyncCount(after.records().get(first.key()).syncCount())));
        assertThat(ConflictAnalysis.wasApplied(current, overwritten.records())).isFalse();
    }

    @Provide
    Arbitrary<Dataset> states() {
        return Arbitraries.strings().withChars("abcdef").ofLength(1).list().ofMaxSize(5)
                .map(keys -> {
                    Dataset dataset = new Dataset(Map.of(), 0);
                    for (String key : keys) {
                        long count = ConflictAnalysis.currentSyncCount(dataset.records(), key);
                        dataset = dataset.apply(List.of(RecordPatch.replace(key, "x" + dataset.syncCount(), count)));
                    }
                    return dataset;
                });
    }

    @Provide
    Arbitrary<List<RecordPatch>> requests() {
        Arbitrary<RecordPatch> patch = Combinators.combine(Arbitraries.strings().withChars("abcdefgh").ofLength(1),
                Arbitraries.strings().alpha().ofMaxLength(3).injectNull(0.3), Arbitraries.longs().between(0, 6))
                .as((key, value, count) -> value == null ? RecordPatch.remove(key, count)
                        : RecordPatch.replace(key, value, count));
        return patch.list().ofMaxSize(6).map(list -> {
            Map<String, RecordPatch> unique = new LinkedHashMap<>();
            list.forEach(p -> unique.putIfAbsent(p.key(), p));
            return new ArrayList<>(unique.values());
        });
    }
}

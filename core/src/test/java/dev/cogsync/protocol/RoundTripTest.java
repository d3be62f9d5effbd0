package dev.cogsync.protocol;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsResponse;
import dev.cogsync.model.Operation;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.model.UpdateRecordsResponse;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Model to JSON and back, for arbitrary keys, values, counts and instants. */
class RoundTripTest {

    private static final DatasetRef DATASET = DatasetRef.of("us-east-1:0000", "us-east-1:1111", "d");

    @Property(tries = 300)
    void updateRecordsRequestSurvivesEncodeAndDecode(@ForAll("patches") List<RecordPatch> patches,
                                                     @ForAll("text") String token) {
        UpdateRecordsRequest request = UpdateRecordsRequest.builder().dataset(DATASET).recordPatches(patches)
                .syncSessionToken("t" + token.replaceAll("\\p{Cntrl}", "")).deviceId("device").build();
        byte[] body = UpdateRecordsCodec.encodeBody(request);
        assertThat(UpdateRecordsCodec.decodeRequest(DATASET, null, body, 0, body.length)).isEqualTo(request);
    }

    @Property(tries = 300)
    void responsesSurviveEncodeAndDecode(@ForAll("records") List<Record> records, @ForAll("text") String token) {
        UpdateRecordsResponse update = new UpdateRecordsResponse(records);
        byte[] updateBody = UpdateRecordsCodec.encodeResponse(update);
        assertThat(UpdateRecordsCodec.decodeResponse(updateBody, 0, updateBody.length)).isEqualTo(update);

        ListRecordsResponse list = ListRecordsResponse.builder().records(records).syncSessionToken(token)
                .nextToken(token.isEmpty() ? null : token).datasetSyncCount(records.size()).datasetExists(true)
                .build();
        byte[] listBody = ListRecordsCodec.encodeResponse(list);
        assertThat(ListRecordsCodec.decodeResponse(listBody, 0, listBody.length)).isEqualTo(list);
    }

    @Property(tries = 500)
    void instantsKeepNanosecondPrecision(@ForAll("instants") Instant instant) {
        Record record = new Record("k", "v", 1, instant, null, instant);
        byte[] body = UpdateRecordsCodec.encodeResponse(new UpdateRecordsResponse(List.of(record)));
        assertThat(UpdateRecordsCodec.decodeResponse(body, 0, body.length).records()).containsExactly(record);
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().all().ofMaxLength(40)
                .filter(s -> s.codePoints().noneMatch(cp -> Character.isSurrogate((char) cp) && cp < 0x10000));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Combinators.combine(Arbitraries.longs().between(-4_000_000_000L, 32_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<List<RecordPatch>> patches() {
        Arbitrary<RecordPatch> patch = Combinators.combine(Arbitraries.of(Operation.class), text().filter(s -> !s.isEmpty()),
                text(), Arbitraries.longs().greaterOrEqual(0), instants().injectNull(0.5))
                .as((op, key, value, count, date) -> new RecordPatch(op, key, op == Operation.REMOVE ? null : value,
                        count, date));
        return patch.list().ofMaxSize(20).map(RoundTripTest::uniqueKeys);
    }

    @Provide
    Arbitrary<List<Record>> records() {
        return Combinators.combine(text().filter(s -> !s.isEmpty()), text().injectNull(0.3),
                Arbitraries.longs().greaterOrEqual(0), instants().injectNull(0.3), text().injectNull(0.5),
                instants().injectNull(0.5)).as(Record::new).list().ofMaxSize(20);
    }

    private static List<RecordPatch> uniqueKeys(List<RecordPatch> patches) {
        Map<String, RecordPatch> byKey = new LinkedHashMap<>();
        patches.forEach(p -> byKey.putIfAbsent(p.key(), p));
        return new ArrayList<>(byKey.values());
    }
}

package dev.cogsync.reactor;

import dev.cogsync.codec.ValueCodec;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Objects;

/**
 * Reads of one value type through a {@link CognitoSyncClient}: records decoded by a {@link ValueCodec}. A stored
 * value that does not decode fails the read with a {@link dev.cogsync.exception.ValueDecodingException} naming
 * the key. Get one with {@link CognitoSyncClient#typed(ValueCodec)}.
 *
 * @param <T> the value type
 */
public final class TypedRecords<T> {

    private final CognitoSyncClient client;
    private final ValueCodec<T> codec;

    TypedRecords(CognitoSyncClient client, ValueCodec<T> codec) {
        this.client = client;
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /**
     * Every live record of a dataset, decoded; tombstones are left out.
     *
     * @param request the first page's request
     * @return the records, page after page
     */
    public Flux<TypedRecord<T>> listLive(ListRecordsRequest request) {
        return client.listLiveRecords(request).map(record -> TypedWriter.decode(codec, record));
    }

    /**
     * One record's value, from a listing of the dataset.
     *
     * @param dataset the dataset
     * @param key the record key
     * @return the decoded record; empty when there is no live record with that key
     */
    public Mono<TypedRecord<T>> get(DatasetRef dataset, String key) {
        Objects.requireNonNull(key, "key");
        return client.listLiveRecords(ListRecordsRequest.of(dataset)).filter(record -> record.key().equals(key))
                .next().map(record -> TypedWriter.decode(codec, record));
    }
}

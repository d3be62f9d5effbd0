package dev.cogsync.reactor;

import dev.cogsync.codec.ValueCodec;
import dev.cogsync.exception.ValidationException;
import dev.cogsync.exception.ValueDecodingException;
import dev.cogsync.model.Constraints;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.Record;
import reactor.core.publisher.Mono;

import java.util.Objects;

/**
 * A {@link CoalescingWriter} that writes values of one type, encoded by a {@link ValueCodec}: managed
 * {@link #put}s and {@link #remove}s with every guarantee of the writer. A value is encoded when the write is
 * subscribed; one whose encoding is longer than a record may hold is refused then, before anything is sent, with
 * the key in the message. Get one with {@link CoalescingWriter#typed(ValueCodec)}.
 *
 * @param <T> the value type
 */
public final class TypedWriter<T> {

    private final CoalescingWriter writer;
    private final ValueCodec<T> codec;

    TypedWriter(CoalescingWriter writer, ValueCodec<T> codec) {
        this.writer = writer;
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    /**
     * Writes a value (managed mode).
     *
     * @param dataset the dataset
     * @param key the record key
     * @param value the value, not {@code null}
     * @return the record written, with the value as written (a later caller's, when writes to one key merged)
     */
    public Mono<TypedRecord<T>> put(DatasetRef dataset, String key, T value) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(value, "value");
        return Mono.defer(() -> {
            String encoded = codec.encode(value);
            if (encoded.length() > Constraints.MAX_VALUE_LENGTH
                    && encoded.codePointCount(0, encoded.length()) > Constraints.MAX_VALUE_LENGTH) {
                return Mono.error(new ValidationException("value of record '" + key + "'", "encoded, it is "
                        + encoded.codePointCount(0, encoded.length()) + " characters, over the "
                        + Constraints.MAX_VALUE_LENGTH + " a record may hold"));
            }
            return writer.put(dataset, key, encoded).map(this::decoded);
        });
    }

    /**
     * Removes a record (managed mode).
     *
     * @param dataset the dataset
     * @param key the record key
     * @return the tombstone
     */
    public Mono<TypedRecord<T>> remove(DatasetRef dataset, String key) {
        return writer.remove(dataset, key).map(this::decoded);
    }

    /**
     * The writer underneath.
     *
     * @return the untyped writer
     */
    public CoalescingWriter untyped() {
        return writer;
    }

    TypedRecord<T> decoded(Record record) {
        return decode(codec, record);
    }

    static <T> TypedRecord<T> decode(ValueCodec<T> codec, Record record) {
        if (record.value() == null) {
            return new TypedRecord<>(record, null);
        }
        try {
            return new TypedRecord<>(record, codec.decode(record.value()));
        } catch (RuntimeException e) {
            throw new ValueDecodingException(record.key(), e);
        }
    }
}

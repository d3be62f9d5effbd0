package dev.cogsync.reactor.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cogsync.codec.ValueCodec;

import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Record values as JSON through a Jackson 2 {@link ObjectMapper}: any type the mapper can write and read. The
 * mapper is the application's, with its modules and settings; it must not be reconfigured afterwards.
 * {@code com.fasterxml.jackson.core:jackson-databind} is an optional dependency of cogsync-reactor: add it to use
 * this class.
 *
 * @param <T> the value type
 */
public final class JacksonValueCodec<T> implements ValueCodec<T> {

    private final ObjectMapper mapper;
    private final JavaType type;

    private JacksonValueCodec(ObjectMapper mapper, JavaType type) {
        this.mapper = mapper;
        this.type = type;
    }

    /**
     * A codec for a class.
     *
     * @param mapper the application's mapper
     * @param type the value class
     * @param <T> the value type
     * @return the codec
     */
    public static <T> JacksonValueCodec<T> of(ObjectMapper mapper, Class<T> type) {
        Objects.requireNonNull(mapper, "mapper");
        return new JacksonValueCodec<>(mapper, mapper.constructType(Objects.requireNonNull(type, "type")));
    }

    /**
     * A codec for a generic type, such as {@code new TypeReference<List<Item>>() {}}.
     *
     * @param mapper the application's mapper
     * @param type the value type
     * @param <T> the value type
     * @return the codec
     */
    public static <T> JacksonValueCodec<T> of(ObjectMapper mapper, TypeReference<T> type) {
        Objects.requireNonNull(mapper, "mapper");
        return new JacksonValueCodec<>(mapper, mapper.constructType(Objects.requireNonNull(type, "type")));
    }

    @Override
    public String encode(T value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public T decode(String stored) {
        try {
            return mapper.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "JacksonValueCodec[" + type + "]";
    }
}

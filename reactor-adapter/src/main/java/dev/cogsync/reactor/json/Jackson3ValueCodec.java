package dev.cogsync.reactor.json;

import dev.cogsync.codec.ValueCodec;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import java.util.Objects;

/**
 * Record values as JSON through a Jackson 3 {@link JsonMapper}, Spring Boot 4's default: any type the mapper can
 * write and read. The mapper is the application's, with its modules and settings. Jackson 3 throws unchecked
 * exceptions, which pass through. {@code tools.jackson.core:jackson-databind} is an optional dependency of
 * cogsync-reactor: add it to use this class.
 *
 * @param <T> the value type
 */
public final class Jackson3ValueCodec<T> implements ValueCodec<T> {

    private final JsonMapper mapper;
    private final JavaType type;

    private Jackson3ValueCodec(JsonMapper mapper, JavaType type) {
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
    public static <T> Jackson3ValueCodec<T> of(JsonMapper mapper, Class<T> type) {
        Objects.requireNonNull(mapper, "mapper");
        return new Jackson3ValueCodec<>(mapper, mapper.constructType(Objects.requireNonNull(type, "type")));
    }

    /**
     * A codec for a generic type, such as {@code new TypeReference<List<Item>>() {}}.
     *
     * @param mapper the application's mapper
     * @param type the value type
     * @param <T> the value type
     * @return the codec
     */
    public static <T> Jackson3ValueCodec<T> of(JsonMapper mapper, TypeReference<T> type) {
        Objects.requireNonNull(mapper, "mapper");
        return new Jackson3ValueCodec<>(mapper, mapper.getTypeFactory().constructType(
                Objects.requireNonNull(type, "type")));
    }

    @Override
    public String encode(T value) {
        return mapper.writeValueAsString(value);
    }

    @Override
    public T decode(String stored) {
        return mapper.readValue(stored, type);
    }

    @Override
    public String toString() {
        return "Jackson3ValueCodec[" + type + "]";
    }
}

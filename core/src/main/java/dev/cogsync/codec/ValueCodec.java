package dev.cogsync.codec;

/**
 * Turns a typed value into the string a Cognito Sync record holds, and back: what lets an application store
 * objects rather than strings. Implementations for Jackson 2's {@code ObjectMapper} and Jackson 3's
 * {@code JsonMapper} are in cogsync-reactor ({@code dev.cogsync.reactor.json}); any other serializer fits.
 *
 * <p>Implementations must be thread-safe and must not block. {@link #decode} may throw any runtime exception
 * for a string that is not a value of the type; callers report it with the record's key.
 *
 * @param <T> the value type
 */
public interface ValueCodec<T> {

    /** Strings as they are. */
    ValueCodec<String> STRING = new ValueCodec<>() {
        @Override
        public String encode(String value) {
            return value;
        }

        @Override
        public String decode(String stored) {
            return stored;
        }

        @Override
        public String toString() {
            return "ValueCodec.STRING";
        }
    };

    /**
     * Encodes a value.
     *
     * @param value the value, not {@code null}
     * @return the string to store
     */
    String encode(T value);

    /**
     * Decodes a stored string.
     *
     * @param stored the record's value, not {@code null}
     * @return the value
     */
    T decode(String stored);
}

package dev.cogsync.exception;

/**
 * A stored value did not decode as the type a typed view expects. Names the record's key and the codec's failure;
 * never the value, which may be personal data.
 */
public final class ValueDecodingException extends CognitoSyncClientException {

    /** The record whose value did not decode. */
    private final String key;

    /**
     * Creates the error.
     *
     * @param key the record's key
     * @param cause what the codec threw
     */
    public ValueDecodingException(String key, Throwable cause) {
        super("the value of record '" + key + "' does not decode: " + cause.getClass().getSimpleName(), cause, 0);
        this.key = key;
    }

    /**
     * The record whose value did not decode.
     *
     * @return its key
     */
    public String key() {
        return key;
    }
}

package dev.cogsync.reactor;

/**
 * Told by a {@link CognitoSyncClient} about each HTTP attempt, for metrics and tracing
 * ({@link dev.cogsync.reactor.micrometer.CogsyncMeters} counts them and, given an {@code ObservationRegistry}, wraps
 * each in a Micrometer {@code Observation}). Set with {@link ClientOptions.Builder#attemptListener(AttemptListener)}.
 *
 * <p>Called on the thread that sends or completes the attempt, often an event loop: implementations must be fast,
 * thread-safe and non-blocking. An exception thrown by a listener is dropped: it never reaches the call.
 */
public interface AttemptListener {

    /** A listener that does nothing: the default. */
    AttemptListener NONE = new AttemptListener() {
    };

    /** The status of an attempt that got no HTTP response: a connection failure or an attempt timeout. */
    int NO_RESPONSE = 0;

    /** The status of an attempt whose caller cancelled it before it ended. */
    int CANCELLED = -1;

    /**
     * An attempt is about to be sent.
     *
     * @param operation the API operation, such as {@code UpdateRecords} or {@code ListRecords}
     * @param patches the patches in an UpdateRecords attempt, or 0
     * @return a context handed back to {@link #attemptEnded}, or {@code null}
     */
    default Object attemptStarted(String operation, int patches) {
        return null;
    }

    /**
     * The attempt ended.
     *
     * @param context what {@link #attemptStarted} returned
     * @param operation the API operation
     * @param status the HTTP status, {@link #NO_RESPONSE} or {@link #CANCELLED}
     * @param error the attempt's error (an error status included), or {@code null} on success
     */
    default void attemptEnded(Object context, String operation, int status, Throwable error) {
    }
}

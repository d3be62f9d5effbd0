package dev.cogsync.auth;

import dev.cogsync.exception.CredentialsException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Caches the credentials of a source that fetches temporary ones (instance metadata, a container endpoint, STS,
 * Cognito Identity), with the rules the AWS SDKs follow:
 * <ul>
 *   <li>credentials are reused until {@link #refreshWindow()} before they expire; in that window a refresh
 *       starts in the background while the current credentials keep being returned;</li>
 *   <li>refresh is single-flight: however many callers ask at once, one fetch runs, and they all share it;</li>
 *   <li>a failed refresh keeps the still-valid credentials and is retried, on demand, after a backoff that
 *       doubles from {@link #retryDelay()} up to 30 s;</li>
 *   <li>credentials within {@link #expiryMargin()} of their expiration are never returned: callers then wait for
 *       the refresh, and get its error if it fails;</li>
 *   <li>credentials without an expiration are kept for good.</li>
 * </ul>
 *
 * <p>Pure and non-blocking: time comes from the {@link Clock} passed in (tests move it by hand), the fetch is an
 * asynchronous stage, and nothing here waits. Thread-safe; the state changes under this object's monitor, which
 * is never held while calling out.
 */
public final class CredentialsCache implements CredentialsProvider {

    /** Start refreshing this long before the credentials expire, as the AWS SDKs do. */
    public static final Duration DEFAULT_REFRESH_WINDOW = Duration.ofMinutes(5);
    /** Never sign with credentials that expire within this: a request signed now may be checked a little later. */
    public static final Duration DEFAULT_EXPIRY_MARGIN = Duration.ofMinutes(1);
    private static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);

    private final Supplier<? extends CompletionStage<AwsCredentials>> fetch;
    private final Clock clock;
    private final Duration refreshWindow;
    private final Duration expiryMargin;
    private final Duration retryDelay;
    private final String source;

    private AwsCredentials current;
    private CompletableFuture<AwsCredentials> inFlight;
    private int failures;
    private Instant nextAttempt = Instant.MIN;
    private long fetches;

    private CredentialsCache(Supplier<? extends CompletionStage<AwsCredentials>> fetch, Clock clock,
                             Duration refreshWindow, Duration expiryMargin, Duration retryDelay, String source) {
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshWindow = Objects.requireNonNull(refreshWindow, "refreshWindow");
        this.expiryMargin = Objects.requireNonNull(expiryMargin, "expiryMargin");
        this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay");
        this.source = Objects.requireNonNull(source, "source");
        if (expiryMargin.compareTo(refreshWindow) > 0) {
            throw new IllegalArgumentException("expiryMargin: must not exceed refreshWindow");
        }
    }

    /**
     * A cache with the default windows (refresh 5 minutes before expiry, never use the last minute).
     *
     * @param fetch starts one fetch of fresh credentials; called at most once at a time
     * @param clock the clock expirations are compared with
     * @param source names the source in errors, for example {@code instance metadata}
     * @return the cache
     */
    public static CredentialsCache of(Supplier<? extends CompletionStage<AwsCredentials>> fetch, Clock clock,
                                      String source) {
        return new CredentialsCache(fetch, clock, DEFAULT_REFRESH_WINDOW, DEFAULT_EXPIRY_MARGIN,
                DEFAULT_RETRY_DELAY, source);
    }

    /**
     * A cache with windows of its own.
     *
     * @param fetch starts one fetch of fresh credentials
     * @param clock the clock
     * @param refreshWindow how long before expiry to start refreshing
     * @param expiryMargin how long before expiry to stop using credentials; at most {@code refreshWindow}
     * @param retryDelay the first backoff after a failed refresh
     * @param source names the source in errors
     * @return the cache
     */
    public static CredentialsCache of(Supplier<? extends CompletionStage<AwsCredentials>> fetch, Clock clock,
                                      Duration refreshWindow, Duration expiryMargin, Duration retryDelay,
                                      String source) {
        return new CredentialsCache(fetch, clock, refreshWindow, expiryMargin, retryDelay, source);
    }

    /**
     * The current credentials, fetching them when there are none usable.
     *
     * @return a completed stage while cached credentials are usable (a refresh may run behind it); otherwise the
     *     stage of the fetch, failed with a {@link CredentialsException} when it fails
     */
    @Override
    public CompletionStage<AwsCredentials> resolveCredentials() {
        Instant now = clock.instant();
        CompletableFuture<AwsCredentials> wait;
        boolean start = false;
        synchronized (this) {
            if (current != null && !current.expiresWithin(now, expiryMargin)) {
                if (current.expiresWithin(now, refreshWindow) && inFlight == null && !now.isBefore(nextAttempt)) {
                    inFlight = new CompletableFuture<>();
                    start = true;
                }
                wait = null;
            } else {
                if (inFlight == null) {
                    if (now.isBefore(nextAttempt) && failures > 0) {
                        return CompletableFuture.failedFuture(new CredentialsException(source
                                + ": no valid credentials, and the last fetch failed; retrying after " + nextAttempt));
                    }
                    inFlight = new CompletableFuture<>();
                    start = true;
                }
                wait = inFlight;
            }
        }
        CompletableFuture<AwsCredentials> started = start ? startFetch() : null;
        if (wait == null) {
            synchronized (this) {
                return CompletableFuture.completedFuture(current);
            }
        }
        // Each caller gets its own future: cancelling it must not cancel the shared fetch.
        return (started != null ? started : wait).thenApply(credentials -> credentials);
    }

    /**
     * How many fetches were started.
     *
     * @return the count, for tests and meters
     */
    public synchronized long fetches() {
        return fetches;
    }

    /** @return how long before expiry a refresh starts */
    public Duration refreshWindow() {
        return refreshWindow;
    }

    /** @return how long before expiry credentials stop being used */
    public Duration expiryMargin() {
        return expiryMargin;
    }

    /** @return the first backoff after a failed refresh */
    public Duration retryDelay() {
        return retryDelay;
    }

    private CompletableFuture<AwsCredentials> startFetch() {
        CompletableFuture<AwsCredentials> shared;
        synchronized (this) {
            shared = inFlight;
            fetches++;
        }
        CompletionStage<AwsCredentials> stage;
        try {
            stage = Objects.requireNonNull(fetch.get(), "the fetch returned no stage");
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((credentials, failure) -> finish(shared, credentials, failure));
        return shared;
    }

    private void finish(CompletableFuture<AwsCredentials> shared, AwsCredentials credentials, Throwable failure) {
        Throwable error = failure;
        if (error == null && credentials == null) {
            error = new CredentialsException(source + ": the fetch returned no credentials");
        }
        synchronized (this) {
            inFlight = null;
            if (error == null) {
                current = credentials;
                failures = 0;
                nextAttempt = Instant.MIN;
            } else {
                failures++;
                long factor = 1L << Math.min(failures - 1, 20);
                Duration backoff = retryDelay.multipliedBy(factor);
                nextAttempt = clock.instant().plus(backoff.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : backoff);
            }
        }
        if (error == null) {
            shared.complete(credentials);
        } else {
            Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            shared.completeExceptionally(cause instanceof CredentialsException ? cause
                    : new CredentialsException(source + ": fetching credentials failed: "
                    + cause.getClass().getSimpleName(), cause));
        }
    }

    @Override
    public String toString() {
        return "CredentialsCache[" + source + "]";
    }
}

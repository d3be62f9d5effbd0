package dev.cogsync.reactor.internal;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.CredentialsProvider;
import dev.cogsync.auth.SigV4Signer;
import dev.cogsync.exception.ApiCallTimeoutException;
import dev.cogsync.exception.AttemptTimeoutException;
import dev.cogsync.exception.CognitoSyncClientException;
import dev.cogsync.exception.CognitoSyncException;
import dev.cogsync.exception.CognitoSyncServiceException;
import dev.cogsync.exception.CredentialsException;
import dev.cogsync.exception.MalformedResponseException;
import dev.cogsync.exception.TransportException;
import dev.cogsync.protocol.ErrorResponseCodec;
import dev.cogsync.protocol.HttpHeader;
import dev.cogsync.protocol.WireRequest;
import dev.cogsync.reactor.AttemptListener;
import dev.cogsync.retry.RetryAfter;
import dev.cogsync.retry.AdaptiveRateLimiter;
import dev.cogsync.retry.RetryPolicy;
import dev.cogsync.retry.RetryQuota;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Runs one API call: resolves credentials and signs afresh for every attempt, sends through the
 * {@link Transport}, decodes the response or the typed error, and retries by the {@link RetryPolicy} within the
 * client's shared {@link RetryQuota}, under a per-attempt and a total timeout. The single retry layer of the
 * client; Reactor Netty's own transparent retry is off.
 */
public final class CallExecutor {

    private final Transport transport;
    private final HttpHeader host;
    private final CredentialsProvider credentials;
    private final SigV4Signer signer;
    private final RetryPolicy retryPolicy;
    private final RetryQuota retryQuota;
    private final Duration attemptTimeout;
    private final Duration apiCallTimeout;
    private final Duration responseTimeout;
    private final Clock clock;
    private final DoubleSupplier jitter;
    private final TimeoutTimer timer;
    private final LongSupplier nanoTime;
    private final LongAdder updateRecordsAttempts = new LongAdder();
    private final LongAdder listRecordsAttempts = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder throttledResponses = new LongAdder();
    private final LongAdder failedAttempts = new LongAdder();
    private final LongAdder credentialsRefreshes = new LongAdder();
    private final LongAdder credentialsFailures = new LongAdder();
    private final OperatorLog log = new OperatorLog("dev.cogsync.client", "client");
    private AttemptListener attemptListener = AttemptListener.NONE;
    /** The client's own credentials last used, to log their refreshes; an identity's are not tracked. */
    private volatile AwsCredentials lastCredentials;

    /**
     * Creates the executor.
     *
     * @param transport sends requests
     * @param hostHeader the {@code Host} header value the transport will send, which the signature covers
     * @param credentials resolves credentials for every attempt
     * @param signer signs every attempt
     * @param retryPolicy the default policy of calls
     * @param retryQuota the client-wide retry budget
     * @param attemptTimeout the time allowed for one attempt
     * @param apiCallTimeout the time allowed for a call with all its retries
     * @param responseTimeout the transport's response timeout, for error messages
     * @param clock dates the signatures
     * @param jitter draws uniformly from [0, 1) for backoff jitter
     * @param timer arms the attempt and call timeouts, and the waits of an adaptive send rate
     * @param nanoTime the monotonic clock of adaptive send rates
     */
    public CallExecutor(Transport transport, String hostHeader, CredentialsProvider credentials,
                        SigV4Signer signer, RetryPolicy retryPolicy, RetryQuota retryQuota, Duration attemptTimeout,
                        Duration apiCallTimeout, Duration responseTimeout, Clock clock, DoubleSupplier jitter,
                        TimeoutTimer timer, LongSupplier nanoTime) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.host = new HttpHeader("Host", Objects.requireNonNull(hostHeader, "hostHeader"));
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.retryQuota = Objects.requireNonNull(retryQuota, "retryQuota");
        this.attemptTimeout = Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        this.apiCallTimeout = Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
        this.responseTimeout = Objects.requireNonNull(responseTimeout, "responseTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * Tells a listener about every attempt from now on; set once, before the first call.
     *
     * @param listener told about each attempt
     * @return this
     */
    public CallExecutor attemptListener(AttemptListener listener) {
        this.attemptListener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * The client's retry policy.
     *
     * @return the policy calls use by default
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * The client-wide retry budget.
     *
     * @return the quota every call draws retries from
     */
    public RetryQuota retryQuota() {
        return retryQuota;
    }

    /**
     * The attempts made so far: UpdateRecords, ListRecords, retries, throttled responses and failures; then the
     * client's credential refreshes and failures to resolve credentials; in that order.
     *
     * @return the counts
     */
    public long[] counts() {
        return new long[]{updateRecordsAttempts.sum(), listRecordsAttempts.sum(), retries.sum(),
                throttledResponses.sum(), failedAttempts.sum(), credentialsRefreshes.sum(), credentialsFailures.sum()};
    }

    /**
     * Draws a jitter sample.
     *
     * @return a value in [0, 1)
     */
    public double jitter() {
        return jitter.getAsDouble();
    }

    /**
     * Runs a call with the client's retry policy.
     *
     * @param request the unsigned request
     * @param decoder reads a 2xx body
     * @param <T> the response type
     * @return the lazy call
     */
    public <T> Mono<T> execute(WireRequest request, ResponseDecoder<T> decoder) {
        return execute(request, decoder, retryPolicy);
    }

    /**
     * Runs a call.
     *
     * <p>Lazy: nothing happens before subscription. The call fails with the typed exception of its last
     * attempt, with the failures of earlier attempts attached as suppressed exceptions, and
     * {@link CognitoSyncException#attempts()} saying how many attempts were made.
     *
     * @param request the unsigned request
     * @param decoder reads a 2xx body
     * @param policy the retry policy for this call; {@link RetryPolicy#none()} makes exactly one attempt
     * @param <T> the response type
     * @return the lazy call
     */
    public <T> Mono<T> execute(WireRequest request, ResponseDecoder<T> decoder, RetryPolicy policy) {
        return execute(request, decoder, policy, null);
    }

    /**
     * Runs a call, pacing every attempt by an adaptive send rate: an attempt waits (without blocking) for the
     * rate's token, a throttling response lowers the rate and any other response raises it.
     *
     * @param request the unsigned request
     * @param decoder reads a 2xx body
     * @param policy the retry policy for this call
     * @param rate the identity's send rate, or {@code null} for none
     * @param <T> the response type
     * @return the lazy call
     */
    public <T> Mono<T> execute(WireRequest request, ResponseDecoder<T> decoder, RetryPolicy policy,
                               AdaptiveRateLimiter rate) {
        return execute(request, decoder, policy, rate, null);
    }

    /**
     * Runs a call, signing every attempt with credentials of the caller's choosing.
     *
     * @param request the unsigned request
     * @param decoder reads a 2xx body
     * @param policy the retry policy for this call
     * @param rate the identity's send rate, or {@code null} for none
     * @param signWith the credentials of this call (an identity's), or {@code null} for the client's
     * @param <T> the response type
     * @return the lazy call
     */
    public <T> Mono<T> execute(WireRequest request, ResponseDecoder<T> decoder, RetryPolicy policy,
                               AdaptiveRateLimiter rate, CredentialsProvider signWith) {
        WireRequest withHost = request.withHeaders(List.of(host));
        CredentialsProvider source = signWith != null ? signWith : credentials;
        return Mono.defer(() -> {
            Attempts state = new Attempts(0);
            return Mono.defer(() -> rate == null ? attempt(withHost, decoder, state, source)
                            : paced(attempt(withHost, decoder, state, source), rate))
                    .retryWhen(Retry.from(signals -> signals.concatMap(signal -> backoff(signal.failure(), state,
                            policy, withHost))))
                    .timeout(timer.after(apiCallTimeout), Mono.error(() -> apiCallTimedOut(state, withHost)))
                    .doOnSuccess(ignored -> retryQuota.releaseAfterSuccess(state.lastTokensAcquired));
        });
    }

    /**
     * Makes exactly one attempt, without retrying: the caller runs its own retry loop, for example to add writes
     * to a retried request. Signs afresh; counts the attempt in {@code state} and records the server's retry
     * hint there.
     *
     * @param request the unsigned request
     * @param decoder reads a 2xx body
     * @param state the attempts of these writes so far; updated
     * @param <T> the response type
     * @return the lazy attempt, failing with the typed exception
     */
    public <T> Mono<T> attemptOnce(WireRequest request, ResponseDecoder<T> decoder, Attempts state) {
        return attemptOnce(request, decoder, state, null);
    }

    /**
     * Makes exactly one attempt, signed with credentials of the caller's choosing.
     *
     * @param request the unsigned request
     * @param decoder reads a 2xx body
     * @param state the attempts of these writes so far; updated
     * @param signWith the credentials of this attempt, or {@code null} for the client's
     * @param <T> the response type
     * @return the lazy attempt
     */
    public <T> Mono<T> attemptOnce(WireRequest request, ResponseDecoder<T> decoder, Attempts state,
                                   CredentialsProvider signWith) {
        return attempt(request.withHeaders(List.of(host)), decoder, state, signWith != null ? signWith : credentials);
    }

    private <T> Mono<T> paced(Mono<T> attempt, AdaptiveRateLimiter rate) {
        long wait = rate.reserve(nanoTime.getAsLong());
        Mono<T> measured = attempt
                .doOnSuccess(ignored -> rate.onSuccess(nanoTime.getAsLong()))
                .doOnError(e -> {
                    if (e instanceof CognitoSyncException error && error.isThrottling()) {
                        rate.onThrottle(nanoTime.getAsLong());
                    } else if (e instanceof CognitoSyncServiceException) {
                        rate.onSuccess(nanoTime.getAsLong());
                    }
                });
        return wait == 0 ? measured : timer.after(Duration.ofNanos(wait)).then(measured);
    }

    private <T> Mono<T> attempt(WireRequest request, ResponseDecoder<T> decoder, Attempts state,
                                CredentialsProvider credentials) {
        return Mono.fromCompletionStage(credentials::resolveCredentials)
                .onErrorMap(e -> !(e instanceof CognitoSyncException),
                        e -> new CredentialsException("credentials provider failed: " + e.getClass().getName()))
                .doOnError(e -> {
                    credentialsFailures.increment();
                    log.warn("cogsync: {} not sent: credentials from {} could not be resolved: {}",
                            operation(request), source(credentials), e.toString());
                })
                .doOnNext(resolved -> noted(resolved, credentials))
                .flatMap(resolved -> send(request, resolved, decoder, state));
    }

    /** Logs the client's credentials when first resolved (DEBUG) and whenever they change (INFO). */
    private void noted(AwsCredentials resolved, CredentialsProvider source) {
        AwsCredentials last = lastCredentials;
        if (source != credentials || resolved == last) {
            return;
        }
        lastCredentials = resolved;
        String expiry = resolved.expiration() == null ? "they do not expire" : "they expire at "
                + resolved.expiration();
        if (last == null) {
            log.debug("cogsync: credentials resolved from {}; {}", source(source), expiry);
        } else if (!resolved.equals(last)) {
            credentialsRefreshes.increment();
            log.info("cogsync: credentials from {} were refreshed; {}", source(source), expiry);
        }
    }

    /** A provider as log lines name it: its class, never its {@code toString}, which may show a key id. */
    private static String source(CredentialsProvider provider) {
        return provider.getClass().getSimpleName();
    }

    /** The API operation of a Cognito Sync request, for log lines: never an identity or a dataset. */
    static String operation(WireRequest request) {
        String path = request.path();
        return switch (request.method()) {
            case "POST" -> "UpdateRecords";
            case "DELETE" -> "DeleteDataset";
            default -> path.endsWith("/records") ? "ListRecords"
                    : path.endsWith("/datasets") ? "ListDatasets"
                    : path.contains("/datasets/") ? "DescribeDataset"
                    : "DescribeIdentityUsage";
        };
    }

    private <T> Mono<T> send(WireRequest request, AwsCredentials resolved, ResponseDecoder<T> decoder,
                             Attempts state) {
        int attempt = ++state.attempts;
        (request.method().equals("GET") ? listRecordsAttempts : updateRecordsAttempts).increment();
        if (attempt > 1) {
            retries.increment();
        }
        WireRequest signed = signer.sign(request, resolved, clock.instant()).request();
        AttemptEnd end = attemptListener == AttemptListener.NONE ? null
                : new AttemptEnd(attemptListener, operation(request), state.patches);
        Mono<HttpResult> exchanged = transport.exchange(signed)
                .timeout(timer.after(attemptTimeout))
                .onErrorMap(e -> e instanceof TimeoutException
                        ? new AttemptTimeoutException(attemptTimeout, attempt)
                        : TransportFailures.classify(e, attempt, responseTimeout))
                .doOnError(e -> failedAttempts.increment());
        if (end != null) {
            exchanged = exchanged.doOnNext(result -> end.status = result.status());
        }
        Mono<T> decoded = exchanged
                .map(result -> {
                    if (result.isSuccess()) {
                        return decode(decoder, result.body(), attempt);
                    }
                    failedAttempts.increment();
                    if (result.status() == 429) {
                        throttledResponses.increment();
                    }
                    state.retryAfterHint = RetryAfter.parse(result::header, clock.instant()).orElse(null);
                    throw ErrorResponseCodec.decode(result.status(), result::header, result.body(), 0,
                            result.body().length, attempt);
                });
        return end == null ? decoded : decoded
                .doOnSubscribe(ignored -> end.start())
                .doOnSuccess(ignored -> end.end(null))
                .doOnError(end::end)
                .doOnCancel(() -> {
                    end.status = AttemptListener.CANCELLED;
                    end.end(null);
                });
    }

    /** One attempt as its listener sees it: started on subscription, ended exactly once. */
    private static final class AttemptEnd {
        private final AttemptListener listener;
        private final String operation;
        private final int patches;
        private Object context;
        volatile int status = AttemptListener.NO_RESPONSE;
        private final java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();

        AttemptEnd(AttemptListener listener, String operation, int patches) {
            this.listener = listener;
            this.operation = operation;
            this.patches = patches;
        }

        void start() {
            try {
                context = listener.attemptStarted(operation, patches);
            } catch (RuntimeException ignored) {
                // A listener's failure is not the call's.
            }
        }

        void end(Throwable error) {
            if (ended.compareAndSet(false, true)) {
                try {
                    listener.attemptEnded(context, operation, status, error);
                } catch (RuntimeException ignored) {
                    // A listener's failure is not the call's.
                }
            }
        }
    }

    private static <T> T decode(ResponseDecoder<T> decoder, byte[] body, int attempt) {
        try {
            return decoder.decode(body);
        } catch (MalformedResponseException e) {
            throw new MalformedResponseException(e.getMessage(), attempt);
        }
    }

    private Mono<Long> backoff(Throwable failure, Attempts state, RetryPolicy policy, WireRequest request) {
        if (!(failure instanceof CognitoSyncException error)) {
            return Mono.error(failure);
        }
        // A failure before anything was sent (credentials, signing) is not a failed attempt, and not retried.
        if (state.attempts == 0 || !policy.shouldRetry(error, state.attempts)) {
            if (state.attempts > 1 && error.isRetryable()) {
                log.warn("cogsync: {} failed after {} attempts, the most its retry policy allows: {}",
                        operation(request), state.attempts, error.getClass().getSimpleName());
            }
            return Mono.error(state.finish(error));
        }
        boolean timeoutOrTransport = error instanceof TransportException || error instanceof AttemptTimeoutException;
        int tokens = retryQuota.tryAcquire(timeoutOrTransport);
        if (tokens == 0) {
            log.warn("cogsync: {} not retried after {}: the client's retry quota is spent ({} of {} tokens left)",
                    operation(request), error.getClass().getSimpleName(), retryQuota.available(),
                    retryQuota.capacity());
            error.addSuppressed(new CognitoSyncClientException("retry quota exhausted: "
                    + retryQuota.available() + " of " + retryQuota.capacity() + " tokens left, not retried",
                    null, state.attempts));
            return Mono.error(state.finish(error));
        }
        state.lastTokensAcquired = tokens;
        Duration delay = policy.retryDelay(state.attempts, error, state.retryAfterHint, jitter.getAsDouble());
        log.debug("cogsync: {} attempt {} failed ({}); retrying in {} ms", operation(request), state.attempts,
                error.getClass().getSimpleName(), delay.toMillis());
        state.retryAfterHint = null;
        state.earlierFailures.add(error);
        return Mono.delay(delay);
    }

    private ApiCallTimeoutException apiCallTimedOut(Attempts state, WireRequest request) {
        log.warn("cogsync: {} reached its API call timeout of {} ms after {} attempts", operation(request),
                apiCallTimeout.toMillis(), state.attempts);
        ApiCallTimeoutException timeout = new ApiCallTimeoutException(apiCallTimeout, state.attempts);
        state.earlierFailures.forEach(timeout::addSuppressed);
        return timeout;
    }

    /** Reads a successful response body. */
    @FunctionalInterface
    public interface ResponseDecoder<T> {
        /**
         * Decodes a 2xx body.
         *
         * @param body the whole body
         * @return the response
         * @throws MalformedResponseException when the body is not what the operation returns
         */
        T decode(byte[] body);
    }

    /**
     * What one call has done so far: attempts made, the server's latest retry hint, earlier failures. Written only
     * by the call's serialized retry loop; the total-timeout timer reads it from another thread, hence the
     * volatile count and the copy-on-write list.
     */
    public static final class Attempts {
        volatile int attempts;
        int patches;
        int lastTokensAcquired;
        Duration retryAfterHint;
        final List<CognitoSyncException> earlierFailures = new CopyOnWriteArrayList<>();

        /**
         * Starts counting after attempts made elsewhere, so that errors report the total.
         *
         * @param alreadyMade attempts already made for the same writes
         */
        public Attempts(int alreadyMade) {
            this.attempts = alreadyMade;
        }

        /**
         * Records how many patches these attempts carry, for {@link AttemptListener}s.
         *
         * @param patches the patches of an UpdateRecords request
         * @return this
         */
        public Attempts patches(int patches) {
            this.patches = patches;
            return this;
        }

        /** @return attempts made so far */
        public int count() {
            return attempts;
        }

        /** @return the server's {@code Retry-After} hint from the latest error response, or {@code null} */
        public Duration retryAfterHint() {
            return retryAfterHint;
        }

        /**
         * Records the server's retry hint, as a failed attempt does.
         *
         * @param hint the hint, or {@code null}
         */
        public void retryAfterHint(Duration hint) {
            this.retryAfterHint = hint;
        }

        CognitoSyncException finish(CognitoSyncException last) {
            for (CognitoSyncException earlier : earlierFailures) {
                if (earlier != last) {
                    last.addSuppressed(earlier);
                }
            }
            return last;
        }
    }
}

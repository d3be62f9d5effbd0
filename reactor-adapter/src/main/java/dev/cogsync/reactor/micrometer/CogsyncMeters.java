package dev.cogsync.reactor.micrometer;

import dev.cogsync.exception.ResourceConflictException;
import dev.cogsync.exception.WriteTimeoutException;
import dev.cogsync.exception.WriterClosedException;
import dev.cogsync.exception.WriterOverloadedException;
import dev.cogsync.reactor.AttemptListener;
import dev.cogsync.reactor.CoalescingWriter;
import dev.cogsync.reactor.CognitoSyncClient;
import dev.cogsync.reactor.WriterListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer meters for a {@link CoalescingWriter} and its {@link CognitoSyncClient}. Every name is under
 * {@code cogsync.}; tags are low-cardinality (never an identity, a dataset or a key). The README's "Metrics"
 * table lists them all.
 *
 * <pre>{@code
 * CogsyncMeters meters = CogsyncMeters.builder(registry).tags(Tags.of("service", "settings")).build();
 * CognitoSyncClient client = CognitoSyncClient.create(ClientOptions.builder().attemptListener(meters).build());
 * CoalescingWriter writer = CoalescingWriter.create(client, WriterOptions.builder().listener(meters).build());
 * meters.bind(writer).bind(client);
 * }</pre>
 *
 * <p>As a {@link WriterListener} it counts each write by outcome and times it; as an {@link AttemptListener} it
 * counts HTTP attempts by operation and status and, given an {@link ObservationRegistry}, wraps each in an
 * {@link Observation} named {@code cogsync.attempt}, so whatever tracing bridge the application has sees one span
 * per attempt. {@link #bind(CoalescingWriter)} adds the writer's queue gauges and request counters,
 * {@link #bind(CognitoSyncClient)} the client's retry and throttling counters. Gauges and function counters hold their writer or client weakly, as Micrometer's do. Thread-safe;
 * recording allocates nothing once each outcome has been seen.
 */
public final class CogsyncMeters implements WriterListener, AttemptListener {

    /** The outcome tag's values. */
    static final String SUCCESS = "success";
    static final String CONFLICT = "conflict";
    static final String TIMEOUT = "timeout";
    static final String OVERLOADED = "overloaded";
    static final String CLOSED = "closed";
    static final String CANCELLED = "cancelled";
    static final String ERROR = "error";

    private final MeterRegistry registry;
    private final Tags tags;
    private final boolean percentileHistogram;
    private final Counter succeeded;
    private final Counter cancelled;
    private final Timer successLatency;
    private final Timer cancelledLatency;
    private final DistributionSummary batchSize;
    private final ConcurrentMap<Class<?>, Failure> failures = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> attempts = new ConcurrentHashMap<>();
    private final ObservationRegistry observations;

    private CogsyncMeters(Builder b) {
        this.registry = b.registry;
        this.tags = b.tags;
        this.percentileHistogram = b.percentileHistogram;
        this.observations = b.observations;
        this.succeeded = writes(SUCCESS, "none");
        this.cancelled = writes(CANCELLED, "none");
        this.successLatency = latency(SUCCESS);
        this.cancelledLatency = latency(CANCELLED);
        this.batchSize = DistributionSummary.builder("cogsync.writer.batch.size")
                .description("Patches per UpdateRecords request sent by the writer")
                .baseUnit("patches")
                .publishPercentileHistogram(percentileHistogram)
                .tags(tags)
                .register(registry);
    }

    /**
     * Starts meters on a registry, with no common tags and no percentile histograms.
     *
     * @param registry where the meters are registered
     * @return a builder
     */
    public static Builder builder(MeterRegistry registry) {
        return new Builder(registry);
    }

    /**
     * Meters on a registry with the defaults.
     *
     * @param registry where the meters are registered
     * @return the meters
     */
    public static CogsyncMeters of(MeterRegistry registry) {
        return builder(registry).build();
    }

    /**
     * The outcome tag of a write's error: {@code conflict}, {@code timeout}, {@code overloaded}, {@code closed}
     * or {@code error}.
     *
     * @param error what a write's caller got
     * @return the outcome tag's value
     */
    public static String outcome(Throwable error) {
        return outcome(error.getClass());
    }

    @Override
    public void writeSucceeded(long nanos) {
        succeeded.increment();
        successLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void writeFailed(Throwable error, long nanos) {
        Failure failure = failures.computeIfAbsent(error.getClass(), this::failure);
        failure.count.increment();
        failure.latency.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void writeCancelled(long nanos) {
        cancelled.increment();
        cancelledLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void batchSent(int patches) {
        batchSize.record(patches);
    }

    @Override
    public Object attemptStarted(String operation, int patches) {
        if (observations == null) {
            return null;
        }
        Observation observation = Observation.createNotStarted("cogsync.attempt", observations)
                .contextualName("cognito-sync " + operation)
                .lowCardinalityKeyValue("cogsync.operation", operation)
                .lowCardinalityKeyValue("cogsync.batch.size", batchSizeBucket(patches))
                .highCardinalityKeyValue("cogsync.patches", Integer.toString(patches));
        return observation.start();
    }

    @Override
    public void attemptEnded(Object context, String operation, int status, Throwable error) {
        String statusTag = statusTag(status);
        attempts.computeIfAbsent(operation + ' ' + statusTag, key -> Counter.builder("cogsync.client.attempts")
                .description("HTTP attempts, by operation and status; a writer's included")
                .tags(tags).tag("operation", operation).tag("status", statusTag)
                .register(registry)).increment();
        if (context instanceof Observation observation) {
            observation.lowCardinalityKeyValue("http.status", statusTag);
            if (error != null) {
                observation.error(error);
            }
            observation.stop();
        }
    }

    /**
     * The status tag of an attempt: the HTTP status, {@code NO_RESPONSE} or {@code CANCELLED}.
     *
     * @param status as an {@link AttemptListener} gets it
     * @return the tag value
     */
    static String statusTag(int status) {
        return status == AttemptListener.NO_RESPONSE ? "NO_RESPONSE"
                : status == AttemptListener.CANCELLED ? "CANCELLED" : Integer.toString(status);
    }

    /** Batch sizes in four buckets, so that the attribute stays low-cardinality. */
    static String batchSizeBucket(int patches) {
        return patches == 0 ? "none" : patches == 1 ? "1" : patches <= 10 ? "2-10" : patches <= 100 ? "11-100"
                : "101+";
    }

    /**
     * Registers a writer's gauges (pending patches and bytes, waiting writes, active datasets, requests in
     * flight, identities held back by their adaptive rate) and its request counters (requests by operation, retries, throttled responses, conflicts, lost
     * responses recovered, waits for the adaptive send rate). Bind one writer per set of common tags.
     *
     * @param writer the writer, held weakly
     * @return this
     */
    public CogsyncMeters bind(CoalescingWriter writer) {
        Objects.requireNonNull(writer, "writer");
        gauge("cogsync.writer.pending.patches", writer, w -> w.stats().pendingPatches(),
                "Writes queued or in flight", "patches");
        gauge("cogsync.writer.pending.bytes", writer, w -> w.stats().pendingBytes(),
                "Estimated bytes of the writes queued or in flight", "bytes");
        gauge("cogsync.writer.waiting", writer, w -> w.stats().waitingWrites(),
                "Writes held for room (OverloadPolicy.WAIT and submitAll)", "writes");
        gauge("cogsync.writer.active.datasets", writer, w -> w.stats().activeDatasets(),
                "Datasets whose state the writer holds", "datasets");
        gauge("cogsync.writer.requests.in.flight", writer, w -> w.stats().requestsInFlight(),
                "Datasets with a request in flight", "requests");
        gauge("cogsync.writer.rate.limited.identities", writer, CoalescingWriter::rateLimitedIdentities,
                "Identities whose adaptive send rate is holding their requests back", "identities");
        counter("cogsync.writer.requests", Tags.of("operation", "UpdateRecords"), writer,
                w -> w.stats().updateRecordsCalls(), "Requests the writer sent, retries included");
        counter("cogsync.writer.requests", Tags.of("operation", "ListRecords"), writer,
                w -> w.stats().listRecordsCalls(), "Requests the writer sent, retries included");
        counter("cogsync.writer.retries", Tags.empty(), writer, w -> w.stats().retries(),
                "Writer requests retried after throttling or a transient failure");
        counter("cogsync.writer.throttled", Tags.empty(), writer, w -> w.stats().throttles(),
                "Throttling responses (HTTP 429) to the writer's requests");
        counter("cogsync.writer.conflicts", Tags.empty(), writer, w -> w.stats().conflicts(),
                "Sync-count conflicts the writer handled");
        counter("cogsync.writer.lost.responses.recovered", Tags.empty(), writer,
                w -> w.stats().lostResponsesRecovered(),
                "Writes whose response was lost, found applied and reported written");
        counter("cogsync.writer.rate.limited.waits", Tags.empty(), writer, w -> w.stats().rateLimitedWaits(),
                "Requests delayed by an identity's adaptive send rate");
        return this;
    }

    /**
     * Registers a client's counters of retries, throttled responses, failed attempts, credential refreshes and
     * credential failures. Attempts by operation and
     * status are counted when these meters are the client's {@link AttemptListener}. A writer's requests are the
     * client's attempts too.
     *
     * @param client the client, held weakly
     * @return this
     */
    public CogsyncMeters bind(CognitoSyncClient client) {
        Objects.requireNonNull(client, "client");
        counter("cogsync.client.retries", Tags.empty(), client, c -> c.stats().retries(),
                "Attempts that retried a failed attempt");
        counter("cogsync.client.throttled", Tags.empty(), client, c -> c.stats().throttledResponses(),
                "Throttling responses (HTTP 429)");
        counter("cogsync.client.failed.attempts", Tags.empty(), client, c -> c.stats().failedAttempts(),
                "Attempts that ended in an error of any kind");
        counter("cogsync.client.credentials.refreshes", Tags.empty(), client, c -> c.stats().credentialsRefreshes(),
                "Times the client's credentials were replaced by new ones");
        counter("cogsync.client.credentials.failures", Tags.empty(), client, c -> c.stats().credentialsFailures(),
                "Calls not sent because credentials could not be resolved");
        return this;
    }

    private Counter writes(String outcome, String exception) {
        return Counter.builder("cogsync.writer.writes")
                .description("Writes ended, by outcome")
                .baseUnit("writes")
                .tags(tags).tag("outcome", outcome).tag("exception", exception)
                .register(registry);
    }

    private Timer latency(String outcome) {
        return Timer.builder("cogsync.writer.write.latency")
                .description("Time from a write's acceptance to its record or error, retries and backoffs included")
                .publishPercentileHistogram(percentileHistogram)
                .tags(tags).tag("outcome", outcome)
                .register(registry);
    }

    private Failure failure(Class<?> type) {
        String outcome = outcome(type);
        return new Failure(writes(outcome, type.getSimpleName()), latency(outcome));
    }

    private static String outcome(Class<?> type) {
        if (WriteTimeoutException.class.isAssignableFrom(type)) {
            return TIMEOUT;
        }
        if (WriterOverloadedException.class.isAssignableFrom(type)) {
            return OVERLOADED;
        }
        if (WriterClosedException.class.isAssignableFrom(type)) {
            return CLOSED;
        }
        if (ResourceConflictException.class.isAssignableFrom(type)) {
            return CONFLICT;
        }
        return ERROR;
    }

    private <T> void gauge(String name, T source, ToDoubleFunction<T> value, String description, String unit) {
        Gauge.builder(name, source, value).description(description).baseUnit(unit).tags(tags).register(registry);
    }

    private <T> void counter(String name, Tags extra, T source, ToDoubleFunction<T> value, String description) {
        FunctionCounter.builder(name, source, value).description(description).tags(tags).tags(extra)
                .register(registry);
    }

    private record Failure(Counter count, Timer latency) {
    }

    /** Configures {@link CogsyncMeters}; not thread-safe. */
    public static final class Builder {

        private final MeterRegistry registry;
        private Tags tags = Tags.empty();
        private boolean percentileHistogram;
        private ObservationRegistry observations;

        private Builder(MeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /**
         * Sets tags added to every meter, for example to tell two writers apart. Keep them low-cardinality.
         *
         * @param tags common tags
         * @return this builder
         */
        public Builder tags(Iterable<io.micrometer.core.instrument.Tag> tags) {
            this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
            return this;
        }

        /**
         * Sets whether the latency timer and the batch-size summary publish percentile histograms (for
         * Prometheus {@code histogram_quantile}). Off by default: each costs a few dozen buckets per outcome.
         *
         * @param publish whether to publish percentile histograms
         * @return this builder
         */
        public Builder percentileHistogram(boolean publish) {
            this.percentileHistogram = publish;
            return this;
        }

        /**
         * Sets the registry of an {@link Observation} around each HTTP attempt (the client's
         * {@link AttemptListener} must be these meters). None by default.
         *
         * @param observations where the observations go, for example Spring Boot's {@code ObservationRegistry}
         * @return this builder
         */
        public Builder observations(ObservationRegistry observations) {
            this.observations = Objects.requireNonNull(observations, "observations");
            return this;
        }

        /**
         * Registers the write meters.
         *
         * @return the meters, a {@link WriterListener} for {@link dev.cogsync.reactor.WriterOptions}
         */
        public CogsyncMeters build() {
            return new CogsyncMeters(this);
        }
    }
}

package dev.cogsync.spring;

import dev.cogsync.exception.CognitoSyncServiceException;
import dev.cogsync.exception.NotAuthorizedException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.reactor.CognitoSyncClient;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The {@code cogsync} health component: UP when Cognito Sync answers a signed ListRecords (so the endpoint is
 * reachable and the credentials resolve and are accepted), DOWN with the reason otherwise. The probe reads a
 * dataset nobody writes, of a placeholder identity in the configured pool; a "not found" or "invalid parameter"
 * answer is as good as records, since the service authenticated and answered. Results are reused for
 * {@code cogsync.health.cache-ttl}, and concurrent checks share one probe, so health checks never load the
 * service.
 */
public final class CogsyncHealthIndicator implements ReactiveHealthIndicator {

    static final String PROBE_DATASET = "cogsync-health";

    private final CognitoSyncClient client;
    private final DatasetRef probe;
    private final long ttlNanos;
    private final CogsyncProperties.Health settings;
    private final LongSupplier nanoTime;
    private final AtomicReference<Cached> cached = new AtomicReference<>();
    private final AtomicReference<Mono<Health>> inFlight = new AtomicReference<>();

    /**
     * An indicator probing the given pool.
     *
     * @param client the client to probe with
     * @param identityPoolId the application's pool, or {@code null} for a placeholder pool in the client's region
     * @param settings the cache and timeout
     * @param nanoTime the monotonic clock of the cache
     */
    public CogsyncHealthIndicator(CognitoSyncClient client, String identityPoolId, CogsyncProperties.Health settings,
                                  LongSupplier nanoTime) {
        this.client = Objects.requireNonNull(client, "client");
        String region = client.region();
        String pool = identityPoolId != null ? identityPoolId : region + ":00000000-0000-4000-8000-000000000000";
        this.probe = DatasetRef.of(pool, region + ":00000000-0000-4000-8000-00000000c0c0", PROBE_DATASET);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ttlNanos = settings.getCacheTtl().toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public Mono<Health> health() {
        return Mono.defer(() -> {
            Cached last = cached.get();
            if (last != null && nanoTime.getAsLong() - last.atNanos < ttlNanos) {
                return Mono.just(last.health);
            }
            Mono<Health> running = inFlight.get();
            if (running != null) {
                return running;
            }
            // The probe always ends with one health (errors are judged, not thrown); the result is cached and the
            // probe forgotten before anyone sees it, so the next check after the ttl starts a new one.
            AtomicReference<Mono<Health>> self = new AtomicReference<>();
            Mono<Health> fresh = probe()
                    .doOnNext(health -> {
                        cached.set(new Cached(health, nanoTime.getAsLong()));
                        inFlight.compareAndSet(self.get(), null);
                    })
                    .doOnCancel(() -> inFlight.compareAndSet(self.get(), null))
                    .cache();
            self.set(fresh);
            return inFlight.compareAndSet(null, fresh) ? fresh : Mono.defer(this::health);
        });
    }

    private Mono<Health> probe() {
        return client.listRecords(ListRecordsRequest.of(probe))
                .map(records -> Health.up().withDetail("endpoint", "answered").build())
                .timeout(settings.getTimeout())
                .onErrorResume(error -> Mono.just(judge(error)));
    }

    /** Any answer of the service but a refusal of the credentials means the endpoint and credentials work. */
    static Health judge(Throwable error) {
        if (error instanceof CognitoSyncServiceException service && !(error instanceof NotAuthorizedException)
                && !service.isTransient()) {
            return Health.up().withDetail("endpoint", service.isThrottling() ? "answered, throttling"
                    : "answered " + service.errorCode()).build();
        }
        return Health.down(error).build();
    }

    private record Cached(Health health, long atNanos) {
    }
}

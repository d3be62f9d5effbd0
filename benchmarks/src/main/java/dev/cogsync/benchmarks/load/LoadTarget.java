package dev.cogsync.benchmarks.load;

import dev.cogsync.workload.Workload;
import dev.cogsync.auth.CredentialsProvider;
import dev.cogsync.auth.StaticCredentialsProvider;
import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.emulator.FaultConfig;
import dev.cogsync.emulator.ThrottleConfig;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.reactor.ClientOptions;
import dev.cogsync.reactor.CognitoSyncClient;
import dev.cogsync.reactor.auth.CognitoIdentityCredentialsProvider;
import dev.cogsync.reactor.auth.DefaultCredentialsChain;

import reactor.core.publisher.Flux;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a run sends to: the embedded emulator (started here, on a free loopback port) or the given endpoint, and
 * the client pointed at it. Closing releases the client's connection pool, then stops the emulator.
 */
final class LoadTarget implements AutoCloseable {

    private static final Duration PREFLIGHT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final CognitoSyncEmulator emulator;
    private final URI endpoint;
    private final CognitoSyncClient client;
    private final CognitoIdentityCredentialsProvider identities;

    private LoadTarget(CognitoSyncEmulator emulator, URI endpoint, CognitoSyncClient client,
                       CognitoIdentityCredentialsProvider identities) {
        this.emulator = emulator;
        this.endpoint = endpoint;
        this.client = client;
        this.identities = identities;
    }

    /**
     * Starts the emulator when the options ask for it, and creates the client.
     *
     * <p>The client has the library's defaults (retry policy, 128 connections, timeouts), except that as many
     * requests may wait for a connection as there are writers, so that the driver's own concurrency never
     * overflows the pool's queue.
     *
     * @param options the run's options
     * @return the target; close it when done
     * @throws RuntimeException when the emulator cannot start or the client cannot be created
     */
    static LoadTarget open(LoadOptions options) {
        CognitoSyncEmulator emulator = null;
        try {
            URI endpoint;
            CredentialsProvider credentials;
            if (options.embedded()) {
                emulator = CognitoSyncEmulator.builder()
                        .region(options.region())
                        .seed(options.seed())
                        .throttle(throttle(options.throttleRps()))
                        .faults(faults(options.faultRate(), options.throttleProbability()))
                        .start();
                endpoint = emulator.endpoint();
                credentials = StaticCredentialsProvider.create(emulator.credentials());
            } else {
                endpoint = options.endpoint();
                credentials = DefaultCredentialsChain.create();
            }
            CognitoIdentityCredentialsProvider identities = options.cognitoIdentity()
                    ? CognitoIdentityCredentialsProvider.builder().region(options.region()).endpointOverride(endpoint)
                            .build()
                    : null;
            CognitoSyncClient client = CognitoSyncClient.create(ClientOptions.builder()
                    .region(options.region())
                    .endpointOverride(endpoint)
                    .credentialsProvider(credentials)
                    .identityCredentialsProvider(identities)
                    .pendingAcquireMaxCount(Math.max(ClientOptions.DEFAULT_PENDING_ACQUIRE_MAX_COUNT,
                            options.writers()))
                    .userAgentSuffix("cogsync-load")
                    .build());
            return new LoadTarget(emulator, endpoint, client, identities);
        } catch (RuntimeException e) {
            if (emulator != null) {
                emulator.close();
            }
            throw e;
        }
    }

    /**
     * The embedded emulator's rate limit: {@code rps} requests per second per identity, in bursts of one second's
     * worth.
     *
     * @param rps requests per second, 0 for none
     * @return the rate limit
     */
    static ThrottleConfig throttle(double rps) {
        return rps > 0 ? ThrottleConfig.of(rps, (int) Math.max(1, Math.ceil(rps))) : ThrottleConfig.OFF;
    }

    /**
     * The embedded emulator's faults for a total fault probability {@code p}: half of it 500 errors, a quarter
     * connections closed before anything is applied, a quarter UpdateRecords applied and then dropped without a
     * response. The emulator draws each kind independently, and applied-then-dropped hits only UpdateRecords
     * that succeed, so the rate actually seen is a little under {@code p}.
     *
     * @param p the fault probability per request, in [0, 1]
     * @return the faults, on every operation
     */
    static FaultConfig faults(double p) {
        return faults(p, 0);
    }

    /**
     * The faults of {@link #faults(double)}, plus a 429 for each request with probability {@code throttled}.
     *
     * @param p the fault probability per request, in [0, 1]
     * @param throttled the probability of a 429 per request, in [0, 1]
     * @return the faults, on every operation
     */
    static FaultConfig faults(double p, double throttled) {
        if (p == 0 && throttled == 0) {
            return FaultConfig.NONE;
        }
        return FaultConfig.builder().internalError(p / 2).connectionClosed(p / 4).appliedThenDropped(p / 4)
                .throttled(throttled).build();
    }

    /**
     * Checks, before any writer starts, that the endpoint answers and accepts the credentials: one ListRecords on
     * the first dataset, with the client's retries. Skipped for the embedded emulator, which is known to be up.
     *
     * @param dataset the dataset to list
     * @throws RuntimeException the error that the endpoint or the credentials chain gave
     */
    void preflight(DatasetRef dataset) {
        if (emulator == null) {
            client.listRecords(ListRecordsRequest.of(dataset)).block(PREFLIGHT_TIMEOUT);
        }
    }

    /**
     * The identities the run's datasets belong to: with {@code --credentials cognito-identity}, new ones from the
     * emulator's Cognito Identity ({@code GetId}), one per 20 datasets; otherwise {@code null}, for synthetic ids.
     *
     * @param datasets the run's datasets
     * @param identityPoolId the pool
     * @return the identity ids, or {@code null}
     */
    List<String> identities(int datasets, String identityPoolId) {
        if (identities == null) {
            return null;
        }
        int count = Workload.identitiesFor(datasets);
        return Flux.range(0, count).flatMapSequential(i -> identities.getId(identityPoolId, Map.of()), 64)
                .collectList().block(PREFLIGHT_TIMEOUT);
    }

    /** @return the client every patch goes through */
    CognitoSyncClient client() {
        return client;
    }

    /** @return what the run sends to, for people: {@code the embedded emulator at http://...} or the endpoint */
    String description() {
        return emulator != null ? "the embedded emulator at " + endpoint : endpoint.toString();
    }

    /** Releases the client's connections, then stops the emulator. Blocks; idempotent enough for one caller. */
    @Override
    public void close() {
        try {
            client.closeGracefully().block(CLOSE_TIMEOUT);
        } finally {
            if (emulator != null) {
                emulator.close();
            }
        }
    }
}

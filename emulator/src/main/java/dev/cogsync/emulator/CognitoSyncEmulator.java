package dev.cogsync.emulator;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.emulator.internal.EmulatorServer;
import dev.cogsync.model.DatasetRef;

import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A running local Amazon Cognito Sync server: ListRecords, UpdateRecords, DescribeDataset, ListDatasets and
 * DeleteDataset over HTTP, with the service's semantics, SigV4 verification, throttling and fault injection.
 *
 * <pre>{@code
 * try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start()) {
 *     URI endpoint = emulator.endpoint();            // http://127.0.0.1:<port>
 *     AwsCredentials credentials = emulator.credentials();
 *     // ... point a client at it, then inspect:
 *     DatasetSnapshot settings = emulator.dataset(ref).orElseThrow();
 *     emulator.configureFaults(FaultConfig.builder().internalError(0.1).build());
 * }
 * }</pre>
 *
 * <p>Thread-safe: every method may be called while requests are served. Operations on one dataset are
 * linearizable. Faults and the rate limit can be changed at any time and apply from the next request on.
 */
public final class CognitoSyncEmulator implements AutoCloseable {

    private final EmulatorServer server;
    private final URI endpoint;

    private CognitoSyncEmulator(EmulatorServer server) {
        this.server = server;
        String host = server.config().host();
        this.endpoint = URI.create("http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":"
                + server.port());
    }

    /**
     * A builder with the defaults of {@link EmulatorConfig}; finish with {@link EmulatorConfig.Builder#start()}.
     *
     * @return a new builder
     */
    public static EmulatorConfig.Builder builder() {
        return EmulatorConfig.builder();
    }

    /**
     * Starts an emulator.
     *
     * @param config the configuration
     * @return the running emulator, listening once this returns; close it when done
     */
    public static CognitoSyncEmulator start(EmulatorConfig config) {
        return new CognitoSyncEmulator(EmulatorServer.start(Objects.requireNonNull(config, "config")));
    }

    /**
     * The port it listens on.
     *
     * @return the bound port, also when 0 was configured
     */
    public int port() {
        return server.port();
    }

    /**
     * The URI to point a client at.
     *
     * @return {@code http://host:port}
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * The region requests must be signed for.
     *
     * @return the region
     */
    public String region() {
        return server.config().region();
    }

    /**
     * The credential pair it accepts.
     *
     * @return the credentials
     */
    public AwsCredentials credentials() {
        return server.config().credentials();
    }

    /**
     * The configuration it started with. Faults and the rate limit in it are the initial ones; see
     * {@link #faults()} and {@link #throttle()} for those in force.
     *
     * @return the configuration
     */
    public EmulatorConfig config() {
        return server.config();
    }

    /**
     * One dataset's full state, tombstones included.
     *
     * @param dataset the dataset
     * @return the snapshot, or empty when the dataset does not exist (never written, or deleted)
     */
    public Optional<DatasetSnapshot> dataset(DatasetRef dataset) {
        return Optional.ofNullable(server.dataset(Objects.requireNonNull(dataset, "dataset")));
    }

    /**
     * Every UpdateRecords applied to a dataset, with the sync count it produced and its patches, for tests that
     * must prove what was applied and how often. Kept only when {@link EmulatorConfig#recordHistory()} is on.
     *
     * @param dataset the dataset
     * @return the updates, oldest first; empty when history is off or the dataset was never written
     */
    public List<AppliedUpdate> appliedUpdates(DatasetRef dataset) {
        return server.appliedUpdates(Objects.requireNonNull(dataset, "dataset"));
    }

    /**
     * Every existing dataset's full state.
     *
     * @return the snapshots, ordered by identity pool, identity and dataset name
     */
    public List<DatasetSnapshot> datasets() {
        return server.datasets();
    }

    /**
     * What has been counted since the start or the last reset.
     *
     * @return a snapshot of the counters
     */
    public EmulatorCounters counters() {
        return server.counters();
    }

    /** Zeroes the counters only. */
    public void resetCounters() {
        server.resetCounters();
    }

    /**
     * Returns to a fresh state: forgets every dataset, invalidates every session token issued so far (and the
     * record of used ones), refills every throttle bucket, zeroes the counters and restarts the fault sequence
     * from the seed. The faults and rate limit in force are kept.
     */
    public void reset() {
        server.reset();
    }

    /**
     * The faults in force.
     *
     * @return the configuration
     */
    public FaultConfig faults() {
        return server.faults();
    }

    /**
     * Changes the faults; requests that arrive afterwards see the new configuration. The fault sequence goes on
     * (see {@link #reset()} to restart it).
     *
     * @param faults the new faults, {@link FaultConfig#NONE} to stop injecting
     */
    public void configureFaults(FaultConfig faults) {
        server.configureFaults(faults);
    }

    /**
     * The rate limit in force.
     *
     * @return the configuration
     */
    public ThrottleConfig throttle() {
        return server.throttle();
    }

    /**
     * Changes the rate limit; every identity starts again with a full bucket.
     *
     * @param throttle the new rate limit, {@link ThrottleConfig#OFF} to stop throttling
     */
    public void configureThrottle(ThrottleConfig throttle) {
        server.configureThrottle(throttle);
    }

    /**
     * Stops the server, closes its connections and releases its event loops, without blocking: for reactive
     * code, and anywhere a thread must not wait.
     *
     * @return completes when everything is released; fails when the server did not close within 10 seconds
     */
    public Mono<Void> closeLater() {
        return server.closeLater();
    }

    /**
     * Stops the server, closes its connections and releases its event loops, waiting up to about 20 seconds:
     * for try-with-resources and tests. Not on an event loop, where Reactor refuses to wait; use
     * {@link #closeLater()} there.
     */
    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "CognitoSyncEmulator[" + endpoint + ", region=" + region() + "]";
    }
}

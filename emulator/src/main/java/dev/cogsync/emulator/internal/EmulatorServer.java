package dev.cogsync.emulator.internal;

import dev.cogsync.protocol.CognitoIdentityCodec;
import reactor.netty.NettyPipeline;

import java.util.concurrent.atomic.AtomicInteger;
import dev.cogsync.emulator.DatasetSnapshot;
import dev.cogsync.emulator.EmulatorConfig;
import dev.cogsync.emulator.EmulatorCounters;
import dev.cogsync.emulator.FaultConfig;
import dev.cogsync.emulator.ThrottleConfig;
import dev.cogsync.model.DatasetRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The running server behind {@link dev.cogsync.emulator.CognitoSyncEmulator}: wires the stages together and owns
 * the Reactor Netty server and its own event loops (native epoll when available), released by {@link #close()}.
 */
public final class EmulatorServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorServer.class);

    private final EmulatorConfig config;
    private final DatasetStore store;
    private final Counters counters = new Counters();
    private final SessionTokens tokens;
    private final Throttler throttler;
    private final FaultInjector faults;
    private final LoopResources loops;
    private final DisposableServer server;
    private final AtomicInteger openConnections = new AtomicInteger();
    private final RefusalLog refusals = new RefusalLog();

    private EmulatorServer(EmulatorConfig config) {
        this.config = config;
        this.store = new DatasetStore(config.recordHistory());
        this.tokens = new SessionTokens(config.clock(), config.tokenTtl(),
                config.singleUseTokens() ? new UsedTokens(config.usedTokenCapacity()) : null);
        this.throttler = new Throttler(config.clock(), config.throttle());
        this.faults = new FaultInjector(config.seed(), config.faults());
        Operations operations = new Operations(store, tokens, config.limits(), config.clock(), counters);
        IdentityService identities = new IdentityService(config.region(), config.clock());
        RequestAuthenticator authenticator = config.authEnabled()
                ? Authenticators.sigV4(config, Authenticators.SERVICE, identities::credentials)
                : RequestAuthenticator.NONE;
        RequestAuthenticator identityAuthenticator = config.authEnabled()
                ? Authenticators.sigV4(config, CognitoIdentityCodec.SIGNING_NAME, id -> null)
                : RequestAuthenticator.NONE;
        RequestProcessor processor = new RequestProcessor(authenticator, throttler, faults, operations, counters,
                identities, identityAuthenticator);
        this.loops = LoopResources.create("cogsync-emulator", 1, config.ioThreads(), true);
        try {
            this.server = HttpServer.create()
                    .host(config.host())
                    .port(config.port())
                    .runOn(loops)
                    .idleTimeout(config.connections().idleTimeout())
                    .readTimeout(config.connections().readTimeout())
                    .requestTimeout(config.connections().requestTimeout())
                    .doOnChannelInit((observer, channel, remote) -> {
                        ConnectionGuard guard = new ConnectionGuard(config.connections(), openConnections, refusals);
                        channel.pipeline().addFirst("cogsync.firstBytes", guard.byteWatcher());
                        channel.pipeline().addAfter(NettyPipeline.HttpCodec, "cogsync.guard", guard);
                    })
                    .handle(new HttpFrontEnd(processor, counters))
                    .bindNow(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            // Starting blocks anyway (it binds and waits); so does giving up.
            releaseLoops().block(Duration.ofSeconds(15));
            throw e;
        }
        LOG.debug("Cognito Sync emulator listening on {}:{} ({})", config.host(), server.port(), config);
    }

    /**
     * Binds a server.
     *
     * @param config the configuration
     * @return the running server
     */
    public static EmulatorServer start(EmulatorConfig config) {
        return new EmulatorServer(Objects.requireNonNull(config, "config"));
    }

    /**
     * The bound port.
     *
     * @return the port
     */
    public int port() {
        return server.port();
    }

    /**
     * The configuration the server started with.
     *
     * @return the configuration
     */
    public EmulatorConfig config() {
        return config;
    }

    /**
     * One dataset's state.
     *
     * @param dataset the dataset
     * @return the snapshot, or {@code null} when it does not exist
     */
    public DatasetSnapshot dataset(DatasetRef dataset) {
        DatasetState state = store.find(dataset);
        return state == null ? null : state.snapshot();
    }

    /**
     * Every UpdateRecords applied to a dataset, when history is kept.
     *
     * @param dataset the dataset
     * @return the updates, oldest first; empty when history is off or the dataset was never written
     */
    public List<dev.cogsync.emulator.AppliedUpdate> appliedUpdates(DatasetRef dataset) {
        DatasetState state = store.find(dataset);
        return state == null ? List.of() : state.history();
    }

    /**
     * Every existing dataset's state.
     *
     * @return the snapshots, ordered by pool, identity and name
     */
    public List<DatasetSnapshot> datasets() {
        return store.snapshots();
    }

    /**
     * The counters.
     *
     * @return a snapshot
     */
    public EmulatorCounters counters() {
        return counters.snapshot();
    }

    /** Zeroes the counters. */
    public void resetCounters() {
        counters.reset();
    }

    /** Forgets every dataset, session token, used token and throttle bucket, zeroes the counters and restarts the fault sequence. */
    public void reset() {
        store.clear();
        tokens.rotateKey();
        throttler.reset();
        faults.reset();
        counters.reset();
    }

    /**
     * The current faults.
     *
     * @return the configuration in force
     */
    public FaultConfig faults() {
        return faults.config();
    }

    /**
     * Changes the faults from the next request on.
     *
     * @param config the new faults
     */
    public void configureFaults(FaultConfig config) {
        faults.configure(Objects.requireNonNull(config, "config"));
    }

    /**
     * The current rate limit.
     *
     * @return the configuration in force
     */
    public ThrottleConfig throttle() {
        return throttler.config();
    }

    /**
     * Changes the rate limit from the next request on; every identity starts with a full bucket.
     *
     * @param config the new rate limit
     */
    public void configureThrottle(ThrottleConfig config) {
        throttler.configure(Objects.requireNonNull(config, "config"));
    }

    /**
     * Stops listening, closes connections and releases the event loops, without blocking. The server gets 10
     * seconds to close; the loops are released either way, and a server that did not close fails the result.
     *
     * @return completes when everything is released
     */
    public Mono<Void> closeLater() {
        return Mono.defer(() -> {
            server.dispose();
            return server.onDispose()
                    .timeout(Duration.ofSeconds(10))
                    .onErrorResume(e -> releaseLoops().then(Mono.error(e)))
                    .then(releaseLoops());
        });
    }

    /** No quiet period: the server is closed, so no task can arrive that a quiet period would wait for. */
    private Mono<Void> releaseLoops() {
        return loops.disposeLater(Duration.ZERO, Duration.ofSeconds(10));
    }

    /**
     * {@link #closeLater()}, waiting for it: for try-with-resources, test extensions and the standalone main.
     * Reactor refuses the wait on an event loop; reactive code uses {@link #closeLater()}.
     */
    @Override
    public void close() {
        closeLater().block(Duration.ofSeconds(25));
    }
}

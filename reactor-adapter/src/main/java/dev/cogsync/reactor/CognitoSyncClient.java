package dev.cogsync.reactor;

import dev.cogsync.auth.CredentialsProvider;
import dev.cogsync.auth.DefaultRegionProvider;
import dev.cogsync.auth.IdentityCredentialsProvider;
import dev.cogsync.auth.SigV4Signer;
import dev.cogsync.endpoint.Endpoint;
import dev.cogsync.exception.CognitoSyncClientException;
import dev.cogsync.model.ListRecordsRequest;
import dev.cogsync.model.ListRecordsResponse;
import dev.cogsync.model.Record;
import dev.cogsync.model.UpdateRecordsRequest;
import dev.cogsync.model.UpdateRecordsResponse;
import dev.cogsync.protocol.DatasetsCodec;
import dev.cogsync.protocol.ListRecordsCodec;
import dev.cogsync.protocol.UpdateRecordsCodec;
import dev.cogsync.model.Dataset;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.IdentityUsage;
import dev.cogsync.model.ListDatasetsRequest;
import dev.cogsync.model.ListDatasetsResponse;
import dev.cogsync.reactor.auth.DefaultCredentialsChain;
import dev.cogsync.reactor.auth.InstanceMetadataCredentialsProvider;
import dev.cogsync.reactor.internal.AdaptiveRates;
import dev.cogsync.reactor.internal.CallExecutor;
import dev.cogsync.retry.AdaptiveRateLimiter;
import dev.cogsync.reactor.internal.ReactorNettyTransport;
import dev.cogsync.reactor.internal.TimeoutTimer;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A reactive, non-blocking Cognito Sync client: one HTTP call per method call, over Reactor Netty.
 *
 * <p>Every method is lazy: nothing is sent before subscription, and each subscription sends again. Cancelling
 * a subscription aborts the exchange and returns the connection to the pool. Every attempt resolves
 * credentials (without blocking) and is signed afresh. Throttling and transient failures are retried by the
 * {@link dev.cogsync.retry.RetryPolicy} within a retry budget shared by the client; validation errors, 403,
 * 404 and conflicts are not. Errors are the typed exceptions of {@code dev.cogsync.exception}, carrying the
 * status, error code, message, request id and the number of attempts made.
 *
 * <p>Thread-safe; build one per application and share it. {@link #close()} releases the connection pool the
 * client created, but never a pool or {@code HttpClient} the caller passed in.
 */
public final class CognitoSyncClient implements AutoCloseable {

    /** The service name that scopes SigV4 signatures. */
    static final String SIGNING_SERVICE = "cognito-sync";

    private final ClientOptions options;
    private final String region;
    private final Endpoint endpoint;
    private final ConnectionProvider ownedPool;
    private final CallExecutor executor;
    private final AdaptiveRates adaptiveRates = new AdaptiveRates();
    private final AtomicBoolean closed = new AtomicBoolean();

    private CognitoSyncClient(ClientOptions options) {
        this.options = options;
        this.region = options.region() != null ? options.region()
                : DefaultRegionProvider.create().resolveRegion().or(CognitoSyncClient::instanceRegion)
                        .orElseThrow(() -> new IllegalArgumentException("region: is required; set it, or one of "
                                + "aws.region, AWS_REGION, AWS_DEFAULT_REGION, a profile region, or run on EC2"));
        this.endpoint = options.endpointOverride() != null ? Endpoint.override(options.endpointOverride())
                : Endpoint.forRegion(region);
        CredentialsProvider credentials = options.credentialsProvider() != null ? options.credentialsProvider()
                : DefaultCredentialsChain.create();
        this.ownedPool = options.httpClient() == null && options.connectionProvider() == null
                ? ConnectionProvider.builder("cogsync")
                        .maxConnections(options.maxConnections())
                        .pendingAcquireMaxCount(options.pendingAcquireMaxCount())
                        .pendingAcquireTimeout(options.pendingAcquireTimeout())
                        .maxIdleTime(options.maxIdleTime())
                        .evictInBackground(options.evictionInterval())
                        .metrics(options.connectionPoolMetrics())
                        .build()
                : null;
        HttpClient base = options.httpClient() != null ? options.httpClient()
                : HttpClient.create(ownedPool != null ? ownedPool : options.connectionProvider());
        HttpClient http = base
                .disableRetry(true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        options.connectTimeout().toMillis()))
                .responseTimeout(options.responseTimeout())
                .host(endpoint.host())
                .port(endpoint.port());
        if (endpoint.scheme().equals("https") && !http.configuration().isSecure()) {
            http = http.secure();
        }
        this.executor = new CallExecutor(new ReactorNettyTransport(http, userAgent(options)),
                endpoint.hostHeader(), credentials, SigV4Signer.create(region, SIGNING_SERVICE),
                options.retryPolicy(), options.retryPolicy().newQuota(), options.attemptTimeout(),
                options.apiCallTimeout(), options.responseTimeout(), options.clock(),
                () -> ThreadLocalRandom.current().nextDouble(), TimeoutTimer.wheel(), System::nanoTime).attemptListener(options.attemptListener());
    }

    /**
     * Creates a client.
     *
     * @param options the configuration
     * @return the client; close it when done
     * @throws IllegalArgumentException when no region is set or resolvable, or the endpoint is not allowed
     */
    public static CognitoSyncClient create(ClientOptions options) {
        return new CognitoSyncClient(Objects.requireNonNull(options, "options"));
    }

    /**
     * Creates a client with every default: region and credentials from the environment.
     *
     * @return the client; close it when done
     */
    public static CognitoSyncClient create() {
        return create(ClientOptions.builder().build());
    }

    /**
     * Writes record patches to one dataset.
     *
     * <p>The request needs the session token of a previous {@link #listRecords(ListRecordsRequest)} on the same
     * dataset. A stale sync count fails the whole request with a
     * {@link dev.cogsync.exception.ResourceConflictException} (or another error whose
     * {@link dev.cogsync.exception.CognitoSyncServiceException#isConflict()} is true), and nothing is applied.
     * When a retry follows a lost connection or timeout, the first attempt may have been applied; the
     * earlier failures are attached to the final error as suppressed exceptions.
     *
     * @param request the validated request
     * @return the records written, with their new sync counts
     */
    public Mono<UpdateRecordsResponse> updateRecords(UpdateRecordsRequest request) {
        Objects.requireNonNull(request, "request");
        return whenOpen(() -> executor.execute(UpdateRecordsCodec.encodeRequest(request),
                body -> UpdateRecordsCodec.decodeResponse(body, 0, body.length), options.retryPolicy(),
                rate(request.dataset()), credentialsFor(request.dataset())));
    }

    /**
     * Reads one page of records of a dataset, and a session token for UpdateRecords.
     *
     * @param request the validated request
     * @return the page
     */
    public Mono<ListRecordsResponse> listRecords(ListRecordsRequest request) {
        Objects.requireNonNull(request, "request");
        return whenOpen(() -> executor.execute(ListRecordsCodec.encodeRequest(request),
                body -> ListRecordsCodec.decodeResponse(body, 0, body.length), options.retryPolicy(),
                rate(request.dataset()), credentialsFor(request.dataset())));
    }

    /**
     * Reads every page of a ListRecords, following {@code nextToken}.
     *
     * <p>Lazy and backpressured: a page is requested only when the subscriber's demand reaches it, one page at
     * a time. Cancelling stops the paging.
     *
     * @param request the first page's request
     * @return the pages, in order
     */
    public Flux<ListRecordsResponse> listRecordsPages(ListRecordsRequest request) {
        Objects.requireNonNull(request, "request");
        return listRecords(request).expand(page -> page.nextToken() == null ? Mono.empty()
                : listRecords(request.withNextToken(page.nextToken())));
    }

    /**
     * Reads every record of a ListRecords, following {@code nextToken} across pages.
     *
     * <p>Lazy and backpressured: the next page is fetched only once the subscriber has asked for records
     * beyond the current one. Tombstones are included; see {@link Record#isDeleted()}.
     *
     * @param request the first page's request
     * @return the records, page after page
     */
    public Flux<Record> listAllRecords(ListRecordsRequest request) {
        return listRecordsPages(request).concatMapIterable(ListRecordsResponse::records, 1);
    }

    /**
     * Reads every live record of a ListRecords, following {@code nextToken}: {@link #listAllRecords} without the
     * tombstones of removed records.
     *
     * @param request the first page's request
     * @return the live records, page after page
     */
    public Flux<Record> listLiveRecords(ListRecordsRequest request) {
        return listAllRecords(request).filter(record -> !record.isDeleted());
    }

    /**
     * A view of this client that reads values of one type, decoded by a codec.
     *
     * @param codec decodes the values
     * @param <T> the value type
     * @return the typed reads
     */
    public <T> TypedRecords<T> typed(dev.cogsync.codec.ValueCodec<T> codec) {
        return new TypedRecords<>(this, codec);
    }

    /**
     * Reads one page of an identity's datasets (ListDatasets).
     *
     * @param request the page to read
     * @return the page
     */
    public Mono<ListDatasetsResponse> listDatasets(ListDatasetsRequest request) {
        Objects.requireNonNull(request, "request");
        return whenOpen(() -> executor.execute(DatasetsCodec.listRequest(request), DatasetsCodec::decodeList,
                options.retryPolicy(), null, credentialsFor(request.identityPoolId(), request.identityId())));
    }

    /**
     * Reads every dataset of an identity, following {@code nextToken}; lazy, one page at a time as demand
     * reaches it.
     *
     * @param identityPoolId the pool
     * @param identityId the identity
     * @return the datasets, by name
     */
    public Flux<Dataset> listAllDatasets(String identityPoolId, String identityId) {
        ListDatasetsRequest first = ListDatasetsRequest.of(identityPoolId, identityId);
        return listDatasets(first)
                .expand(page -> page.nextToken() == null ? Mono.empty() : listDatasets(first.withNextToken(
                        page.nextToken())))
                .concatMapIterable(ListDatasetsResponse::datasets, 1);
    }

    /**
     * Describes a dataset (DescribeDataset).
     *
     * @param dataset the dataset
     * @return its description; a dataset that does not exist fails with
     *     {@link dev.cogsync.exception.ResourceNotFoundException}
     */
    public Mono<Dataset> describeDataset(DatasetRef dataset) {
        Objects.requireNonNull(dataset, "dataset");
        return whenOpen(() -> executor.execute(DatasetsCodec.describeRequest(dataset), DatasetsCodec::decodeDataset,
                options.retryPolicy(), rate(dataset), credentialsFor(dataset)));
    }

    /**
     * Deletes a dataset and all its records (DeleteDataset). A later UpdateRecords creates it again, with sync
     * counts starting over from 0. Retried like every call; when a retry follows a lost response, the first
     * attempt may have deleted the dataset already, and the retry then fails with
     * {@code ResourceNotFoundException}, the earlier failure attached as a suppressed exception.
     *
     * @param dataset the dataset
     * @return the dataset as it was when deleted; one that does not exist fails with
     *     {@link dev.cogsync.exception.ResourceNotFoundException}
     */
    public Mono<Dataset> deleteDataset(DatasetRef dataset) {
        Objects.requireNonNull(dataset, "dataset");
        return whenOpen(() -> executor.execute(DatasetsCodec.deleteRequest(dataset), DatasetsCodec::decodeDataset,
                options.retryPolicy(), rate(dataset), credentialsFor(dataset)));
    }

    /**
     * Describes what an identity uses: its datasets and their bytes (DescribeIdentityUsage).
     *
     * @param identityPoolId the pool
     * @param identityId the identity
     * @return the usage
     */
    public Mono<IdentityUsage> describeIdentityUsage(String identityPoolId, String identityId) {
        ListDatasetsRequest validated = ListDatasetsRequest.of(identityPoolId, identityId);
        return whenOpen(() -> executor.execute(DatasetsCodec.identityUsageRequest(validated.identityPoolId(),
                        validated.identityId()), DatasetsCodec::decodeIdentityUsage, options.retryPolicy(), null,
                credentialsFor(identityPoolId, identityId)));
    }

    /**
     * The client's counters: attempts by operation, retries, throttled responses, failures.
     *
     * @return a snapshot
     */
    public ClientStats stats() {
        long[] counts = executor.counts();
        return new ClientStats(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6]);
    }

    /**
     * The configuration this client was built with.
     *
     * @return the options
     */
    public ClientOptions options() {
        return options;
    }

    /**
     * The region that scopes signatures.
     *
     * @return the region, as given or resolved
     */
    public String region() {
        return region;
    }

    /**
     * Where requests go.
     *
     * @return the endpoint
     */
    public Endpoint endpoint() {
        return endpoint;
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return {@code true} once closed
     */
    public boolean isClosed() {
        return closed.get();
    }

    private AdaptiveRateLimiter rate(DatasetRef dataset) {
        return options.adaptiveRate() ? adaptiveRates.forIdentity(dataset, System.nanoTime()) : null;
    }

    /**
     * What signs requests for a dataset: its identity's credentials when the client has an
     * {@link ClientOptions#identityCredentialsProvider()}, else {@code null} for the client's own.
     */
    CredentialsProvider credentialsFor(DatasetRef dataset) {
        return credentialsFor(dataset.identityPoolId(), dataset.identityId());
    }

    private CredentialsProvider credentialsFor(String identityPoolId, String identityId) {
        IdentityCredentialsProvider identities = options.identityCredentialsProvider();
        return identities == null ? null : () -> identities.resolveCredentials(identityId);
    }

    /** The identities' adaptive send rates, shared by this client's calls and its writers. */
    AdaptiveRates adaptiveRates() {
        return adaptiveRates;
    }

    /** The call machinery, which the writer shares to use this client's retry budget. */
    CallExecutor executor() {
        return executor;
    }

    /**
     * Stops accepting calls and releases the connection pool this client created, without blocking. Calls in
     * flight on that pool are aborted. A pool or {@code HttpClient} the caller passed in is left alone.
     * Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            org.slf4j.LoggerFactory.getLogger("dev.cogsync.client").info("cogsync: client closed");
            if (ownedPool != null) {
                ownedPool.dispose();
            }
        }
    }

    /**
     * Like {@link #close()}, but completes when the owned pool has closed its connections.
     *
     * @return completes when resources are released
     */
    public Mono<Void> closeGracefully() {
        return Mono.defer(() -> {
            if (closed.compareAndSet(false, true)) {
                org.slf4j.LoggerFactory.getLogger("dev.cogsync.client").info("cogsync: client closed");
                if (ownedPool != null) {
                    return ownedPool.disposeLater();
                }
            }
            return Mono.empty();
        });
    }

    private <T> Mono<T> whenOpen(java.util.function.Supplier<Mono<T>> call) {
        return Mono.defer(() -> closed.get()
                ? Mono.error(new CognitoSyncClientException("the client is closed"))
                : call.get());
    }

    /**
     * The last source of the region chain: EC2 instance metadata, asked only when nothing else names a region.
     * Waits up to 2 s for it, which is why it is skipped on a non-blocking thread (create the client at startup).
     */
    private static Optional<String> instanceRegion() {
        if (Schedulers.isInNonBlockingThread()) {
            return Optional.empty();
        }
        return InstanceMetadataCredentialsProvider.create().region()
                .onErrorResume(e -> Mono.empty())
                .blockOptional(Duration.ofSeconds(2));
    }

    private static String userAgent(ClientOptions options) {
        Package pkg = CognitoSyncClient.class.getPackage();
        String version = pkg == null || pkg.getImplementationVersion() == null ? "dev"
                : pkg.getImplementationVersion();
        String agent = "cogsync/" + version + " java/" + System.getProperty("java.version") + " reactor-netty";
        return options.userAgentSuffix() == null ? agent : agent + " " + options.userAgentSuffix();
    }
}

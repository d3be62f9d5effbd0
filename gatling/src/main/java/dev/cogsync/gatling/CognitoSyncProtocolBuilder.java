package dev.cogsync.gatling;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.CredentialsProvider;
import dev.cogsync.auth.StaticCredentialsProvider;
import dev.cogsync.reactor.ClientOptions;
import dev.cogsync.reactor.WriterOptions;
import dev.cogsync.workload.PatchMode;
import dev.cogsync.workload.Workload;
import io.gatling.core.protocol.Protocol;
import io.gatling.javaapi.core.ProtocolBuilder;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The Cognito Sync protocol of a simulation: where to send, as whom, and how to write. Immutable: every method
 * returns a new builder. Start from {@link CognitoSyncDsl#cognitoSync()}:
 *
 * <pre>{@code
 * CognitoSyncProtocolBuilder protocol = cognitoSync()
 *     .embeddedEmulator("--fault-throttled", "0.3")   // or .endpoint("https://cognito-sync.us-east-1.amazonaws.com")
 *     .identityPoolId("us-east-1:...")
 *     .coalesced();                                    // or .perPatch(), .mode(PatchMode.PLAIN)
 * }</pre>
 *
 * <p>Every scenario of a simulation that uses one protocol shares its client and, when writes coalesce, its
 * {@link dev.cogsync.reactor.CoalescingWriter}: concurrent patches of many virtual users to one dataset become one
 * UpdateRecords. Both are created when the simulation starts and closed, after flushing, when it ends.
 */
public final class CognitoSyncProtocolBuilder implements ProtocolBuilder {

    /** What the protocol was configured with. */
    record Settings(URI endpoint, List<String> emulatorOptions, String region, String identityPoolId,
                    CredentialsProvider credentials, boolean cognitoIdentity, PatchMode mode,
                    WriterOptions writerOptions, UnaryOperator<ClientOptions.Builder> clientOptions,
                    boolean reportBatchSizes) {

        /** @return whether the protocol runs its own emulator */
        boolean embedded() {
            return emulatorOptions != null;
        }
    }

    static final CognitoSyncProtocolBuilder DEFAULT = new CognitoSyncProtocolBuilder(new Settings(null, null,
            null, Workload.DEFAULT_IDENTITY_POOL_ID, null, false, PatchMode.COALESCED,
            PatchMode.HARNESS_WRITER_OPTIONS, UnaryOperator.identity(), true));

    private final Settings settings;
    private CognitoSyncProtocol protocol;

    private CognitoSyncProtocolBuilder(Settings settings) {
        this.settings = settings;
    }

    /**
     * Sends to a Cognito Sync endpoint: the service's (such as {@code https://cognito-sync.us-east-1.amazonaws.com})
     * or a standalone emulator's. Credentials then come from the AWS SDKs' default chain unless given.
     *
     * @param endpoint the endpoint's URL
     * @return a new builder
     */
    public CognitoSyncProtocolBuilder endpoint(String endpoint) {
        return with(draft -> {
            draft.endpoint = URI.create(Objects.requireNonNull(endpoint, "endpoint"));
            draft.emulatorOptions = null;
        });
    }

    /**
     * Runs an emulator inside the simulation's JVM, started with the simulation and stopped after it, and sends to
     * it with its developer credentials. Needs {@code dev.cogsync:cogsync-emulator} on the simulation's classpath.
     *
     * @param options the standalone emulator's command-line options, such as {@code "--fault-throttled", "0.3"};
     *     none for the service's defaults
     * @return a new builder
     */
    public CognitoSyncProtocolBuilder embeddedEmulator(String... options) {
        return with(draft -> {
            draft.endpoint = null;
            draft.emulatorOptions = List.of(options);
        });
    }

    /**
     * @param region the signing region; by default the endpoint's, or else the default region chain's
     * @return a new builder
     */
    public CognitoSyncProtocolBuilder region(String region) {
        return with(draft -> draft.region = Objects.requireNonNull(region, "region"));
    }

    /**
     * @param identityPoolId the identity pool of every dataset the actions name; by default
     *     {@value Workload#DEFAULT_IDENTITY_POOL_ID}
     * @return a new builder
     */
    public CognitoSyncProtocolBuilder identityPoolId(String identityPoolId) {
        return with(draft -> draft.identityPoolId = Objects.requireNonNull(identityPoolId, "identityPoolId"));
    }

    /**
     * @param credentials the credentials every request is signed with
     * @return a new builder
     */
    public CognitoSyncProtocolBuilder credentials(AwsCredentials credentials) {
        return credentialsProvider(StaticCredentialsProvider.create(credentials));
    }

    /**
     * @param credentials where the credentials every request is signed with come from
     * @return a new builder
     */
    public CognitoSyncProtocolBuilder credentialsProvider(CredentialsProvider credentials) {
        return with(draft -> draft.credentials = Objects.requireNonNull(credentials, "credentials"));
    }

    /**
     * Signs each request with its identity's own temporary credentials from Cognito Identity
     * ({@code GetCredentialsForIdentity}, at the same endpoint), so that each virtual user can be an identity of its
     * own: create it with {@link CognitoSyncRequest#getId()}. The protocol's credentials still sign what names no
     * identity.
     *
     * @return a new builder
     */
    public CognitoSyncProtocolBuilder cognitoIdentity() {
        return with(draft -> draft.cognitoIdentity = true);
    }

    /**
     * Writes {@code put}s and {@code remove}s through one shared {@link dev.cogsync.reactor.CoalescingWriter}: the
     * default.
     *
     * @return a new builder
     */
    public CognitoSyncProtocolBuilder coalesced() {
        return mode(PatchMode.COALESCED);
    }

    /**
     * Writes each {@code put} and {@code remove} the way an SDK user does: ListRecords, then one UpdateRecords.
     *
     * @return a new builder
     */
    public CognitoSyncProtocolBuilder perPatch() {
        return mode(PatchMode.PER_PATCH);
    }

    /**
     * @param mode how {@code put}s, {@code remove}s and {@code submit}s are sent; see {@link PatchMode}
     * @return a new builder
     */
    public CognitoSyncProtocolBuilder mode(PatchMode mode) {
        return with(draft -> draft.mode = Objects.requireNonNull(mode, "mode"));
    }

    /**
     * @param writerOptions the shared writer's options; by default {@link PatchMode#HARNESS_WRITER_OPTIONS}, which
     *     slow virtual users down by backpressure rather than refuse their writes when the writer is full
     * @return a new builder
     */
    public CognitoSyncProtocolBuilder writerOptions(WriterOptions writerOptions) {
        return with(draft -> draft.writerOptions = Objects.requireNonNull(writerOptions, "writerOptions"));
    }

    /**
     * Adjusts the client's options after the protocol has set the region, endpoint and credentials: connections,
     * timeouts, retry policy, adaptive rate. The protocol's client retries a call up to 10 times without a retry
     * quota (the SDKs' standard mode allows 3, within a quota), so that throttling shows as latency rather than
     * as KOs.
     *
     * @param clientOptions changes the builder
     * @return a new builder
     */
    public CognitoSyncProtocolBuilder clientOptions(UnaryOperator<ClientOptions.Builder> clientOptions) {
        return with(draft -> draft.clientOptions = Objects.requireNonNull(clientOptions, "clientOptions"));
    }

    /**
     * Whether each successful UpdateRecords call is also reported to Gatling's stats, named by how many patches it
     * carried ({@code UpdateRecords carrying 1 patch}, {@code ... 2 patches}, {@code ... 3-4 patches}, ...), so
     * that the report shows how well writes coalesced. On by default. These entries count in Gatling's
     * {@code global()} figures: scope assertions to the actions with {@code details(...)}.
     *
     * @param report whether to report them
     * @return a new builder
     */
    public CognitoSyncProtocolBuilder reportBatchSizes(boolean report) {
        return with(draft -> draft.reportBatchSizes = report);
    }

    private CognitoSyncProtocolBuilder with(Consumer<Draft> change) {
        Draft draft = new Draft(settings);
        change.accept(draft);
        return new CognitoSyncProtocolBuilder(draft.settings());
    }

    /** The settings being changed. */
    private static final class Draft {
        URI endpoint;
        List<String> emulatorOptions;
        String region;
        String identityPoolId;
        CredentialsProvider credentials;
        boolean cognitoIdentity;
        PatchMode mode;
        WriterOptions writerOptions;
        UnaryOperator<ClientOptions.Builder> clientOptions;
        boolean reportBatchSizes;

        Draft(Settings from) {
            endpoint = from.endpoint();
            emulatorOptions = from.emulatorOptions();
            region = from.region();
            identityPoolId = from.identityPoolId();
            credentials = from.credentials();
            cognitoIdentity = from.cognitoIdentity();
            mode = from.mode();
            writerOptions = from.writerOptions();
            clientOptions = from.clientOptions();
            reportBatchSizes = from.reportBatchSizes();
        }

        Settings settings() {
            return new Settings(endpoint, emulatorOptions, region, identityPoolId, credentials, cognitoIdentity,
                    mode, writerOptions, clientOptions, reportBatchSizes);
        }
    }

    /** @return what was configured */
    Settings settings() {
        return settings;
    }

    /**
     * The protocol, one per builder: scenarios given the same builder share one client and writer.
     *
     * @return the protocol
     * @throws IllegalStateException when neither an endpoint nor the embedded emulator was chosen
     */
    @Override
    public synchronized Protocol protocol() {
        if (settings.endpoint == null && !settings.embedded()) {
            throw new IllegalStateException("cognitoSync(): choose where to send, with .endpoint(url) or"
                    + " .embeddedEmulator()");
        }
        if (protocol == null) {
            protocol = new CognitoSyncProtocol(settings);
        }
        return protocol;
    }
}

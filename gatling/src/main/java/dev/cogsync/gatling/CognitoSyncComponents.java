package dev.cogsync.gatling;

import dev.cogsync.auth.CredentialsProvider;
import dev.cogsync.auth.StaticCredentialsProvider;
import dev.cogsync.reactor.ClientOptions;
import dev.cogsync.reactor.CognitoSyncClient;
import dev.cogsync.reactor.auth.CognitoIdentityCredentialsProvider;
import dev.cogsync.reactor.auth.DefaultCredentialsChain;
import dev.cogsync.retry.RetryPolicy;
import dev.cogsync.workload.PatchSender;
import io.gatling.commons.util.Clock;
import io.gatling.core.protocol.ProtocolComponents;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import scala.Function1;
import scala.runtime.BoxedUnit;

import java.net.URI;
import java.time.Duration;

/**
 * What a protocol's actions send through: one client, one sender of the protocol's mode (with its writer when
 * writes coalesce), Cognito Identity when asked for, and the embedded emulator when there is one.
 */
final class CognitoSyncComponents implements ProtocolComponents {

    private static final Duration CLOSE_MARGIN = Duration.ofSeconds(10);

    /**
     * The retries of the client's own calls (the listings, and the plain modes' writes): the SDKs' standard mode
     * with 10 attempts instead of 3, and no retry quota, so that a throttled service shows in a load test as
     * latency, not as failed requests: at 30% of requests throttled at random, a call fails once in 170,000 rather
     * than once in 37, and no run of throttling spends a quota that every later call then lacks. The writer's own
     * retries are unchanged: they end at each write's deadline.
     */
    static final RetryPolicy CLIENT_RETRIES = RetryPolicy.defaults().toBuilder().maxAttempts(10)
            .quotaEnabled(false).build();

    private final CognitoSyncProtocolBuilder.Settings settings;
    private final CognitoSyncClient client;
    private final PatchSender sender;
    private final CognitoIdentityCredentialsProvider identities;
    private final AutoCloseable emulator;

    private CognitoSyncComponents(CognitoSyncProtocolBuilder.Settings settings, CognitoSyncClient client,
                                  PatchSender sender, CognitoIdentityCredentialsProvider identities,
                                  AutoCloseable emulator) {
        this.settings = settings;
        this.client = client;
        this.sender = sender;
        this.identities = identities;
        this.emulator = emulator;
    }

    /**
     * Starts the emulator when the protocol embeds one, then creates the client and the sender.
     *
     * @param settings the protocol's settings
     * @param stats Gatling's stats engine, for the UpdateRecords batch sizes
     * @param clock Gatling's clock
     * @return the components; {@link #close()} them at the end
     */
    static CognitoSyncComponents start(CognitoSyncProtocolBuilder.Settings settings, StatsEngine stats,
                                       Clock clock) {
        EmbeddedEmulator emulator = settings.embedded() ? EmbeddedEmulator.start(settings.emulatorOptions())
                : null;
        try {
            URI endpoint = emulator != null ? emulator.endpoint() : settings.endpoint();
            String region = settings.region() != null ? settings.region()
                    : emulator != null ? emulator.region() : null;
            CredentialsProvider credentials = settings.credentials() != null ? settings.credentials()
                    : emulator != null ? StaticCredentialsProvider.create(emulator.credentials())
                    : DefaultCredentialsChain.create();
            CognitoIdentityCredentialsProvider identities = null;
            if (settings.cognitoIdentity()) {
                CognitoIdentityCredentialsProvider.Builder builder = CognitoIdentityCredentialsProvider.builder()
                        .endpointOverride(endpoint);
                identities = (region != null ? builder.region(region) : builder).build();
            }
            ClientOptions.Builder options = ClientOptions.builder()
                    .endpointOverride(endpoint)
                    .credentialsProvider(credentials)
                    .identityCredentialsProvider(identities)
                    .retryPolicy(CLIENT_RETRIES)
                    .userAgentSuffix("cogsync-gatling");
            if (region != null) {
                options.region(region);
            }
            if (settings.reportBatchSizes()) {
                options.attemptListener(new BatchSizes(stats, clock));
            }
            CognitoSyncClient client = CognitoSyncClient.create(settings.clientOptions().apply(options).build());
            PatchSender sender = settings.mode().sender(client, settings.writerOptions());
            return new CognitoSyncComponents(settings, client, sender, identities, emulator);
        } catch (RuntimeException e) {
            if (emulator != null) {
                emulator.close();
            }
            throw e;
        }
    }

    /** @return the protocol's settings */
    CognitoSyncProtocolBuilder.Settings settings() {
        return settings;
    }

    /** @return the client every action sends through */
    CognitoSyncClient client() {
        return client;
    }

    /** @return how puts, removes and submits are sent */
    PatchSender sender() {
        return sender;
    }

    /** @return Cognito Identity, or {@code null} unless the protocol asked for it */
    CognitoIdentityCredentialsProvider identities() {
        return identities;
    }

    @Override
    public Function1<Session, Session> onStart() {
        return Session.Identity();
    }

    @Override
    public Function1<Session, BoxedUnit> onExit() {
        return ProtocolComponents.NoopOnExit();
    }

    /**
     * Flushes and ends the writes in flight (within the writer's close timeout), then closes the client and stops
     * the embedded emulator. Runs once, as the simulation ends, on Gatling's terminating thread.
     */
    void close() {
        try {
            sender.close().block(settings.writerOptions().closeTimeout().plus(CLOSE_MARGIN));
        } finally {
            try {
                client.close();
            } finally {
                if (emulator != null) {
                    try {
                        emulator.close();
                    } catch (Exception e) {
                        throw new IllegalStateException("cognitoSync: the embedded emulator did not stop", e);
                    }
                }
            }
        }
    }
}

package dev.cogsync.spring;

import dev.cogsync.auth.CredentialsProvider;
import dev.cogsync.auth.StaticCredentialsProvider;
import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.emulator.FaultConfig;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.Record;
import dev.cogsync.reactor.ClientOptions;
import dev.cogsync.reactor.CoalescingWriter;
import dev.cogsync.reactor.CognitoSyncClient;
import dev.cogsync.reactor.OverloadPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The starter as an application sees it: beans from properties, backing off, meters, health and shutdown. */
class CogsyncAutoConfigurationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final DatasetRef DATASET = DatasetRef.of("us-east-1:0f0e0d0c-0000-4000-8000-00000000c0a1",
            "us-east-1:00000001-0000-4000-8000-000000000000", "settings");

    private final CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start();

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CogsyncAutoConfiguration.class))
                .withBean(CredentialsProvider.class, () -> StaticCredentialsProvider.create(emulator.credentials()))
                .withPropertyValues("cogsync.region=" + emulator.region(),
                        "cogsync.endpoint-override=" + emulator.endpoint());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void propertiesBecomeTheClientAndWriterOptionsAndTheWriterWritesWithTheCredentialsBean() {
        runner().withPropertyValues("cogsync.max-connections=7", "cogsync.api-call-timeout=45s",
                        "cogsync.max-attempts=5", "cogsync.max-idle-time=20s",
                        "cogsync.writer.write-timeout=3s", "cogsync.writer.overload-policy=wait",
                        "cogsync.writer.max-pending-patches=500", "cogsync.writer.max-conflict-retries=2",
                        "cogsync.writer.idle-timeout=90s")
                .run(context -> {
                    CognitoSyncClient client = context.getBean(CognitoSyncClient.class);
                    CoalescingWriter writer = context.getBean(CoalescingWriter.class);
                    assertThat(client.options().maxConnections()).isEqualTo(7);
                    assertThat(client.options().apiCallTimeout()).isEqualTo(Duration.ofSeconds(45));
                    assertThat(client.options().attemptTimeout()).as("unset: the library default")
                            .isEqualTo(ClientOptions.builder().build().attemptTimeout());
                    assertThat(writer.options().writeTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(writer.options().overloadPolicy()).isEqualTo(OverloadPolicy.WAIT);
                    assertThat(writer.options().maxPendingPatches()).isEqualTo(500);
                    assertThat(writer.options().maxConflictRetries()).isEqualTo(2);
                    assertThat(writer.options().idleTimeout()).isEqualTo(Duration.ofSeconds(90));
                    assertThat(client.options().retryPolicy().maxAttempts()).isEqualTo(5);
                    assertThat(client.options().maxIdleTime()).isEqualTo(Duration.ofSeconds(20));

                    Record written = writer.put(DATASET, "theme", "dark").block(WAIT);
                    assertThat(written.syncCount()).isEqualTo(1);
                    assertThat(emulator.dataset(DATASET).orElseThrow().value("theme")).isEqualTo("dark");
                });
    }

    @Test
    void anAwsSdkCredentialsProviderBeanSignsTheRequests() {
        software.amazon.awssdk.identity.spi.AwsCredentialsIdentity identity =
                software.amazon.awssdk.identity.spi.AwsCredentialsIdentity.create(
                        emulator.credentials().accessKeyId(), emulator.credentials().secretAccessKey());
        software.amazon.awssdk.identity.spi.IdentityProvider<software.amazon.awssdk.identity.spi.AwsCredentialsIdentity>
                sdk = new software.amazon.awssdk.identity.spi.IdentityProvider<>() {
                    @Override
                    public Class<software.amazon.awssdk.identity.spi.AwsCredentialsIdentity> identityType() {
                        return software.amazon.awssdk.identity.spi.AwsCredentialsIdentity.class;
                    }

                    @Override
                    public java.util.concurrent.CompletableFuture<software.amazon.awssdk.identity.spi.AwsCredentialsIdentity>
                            resolveIdentity(software.amazon.awssdk.identity.spi.ResolveIdentityRequest request) {
                        return java.util.concurrent.CompletableFuture.completedFuture(identity);
                    }
                };
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CogsyncAutoConfiguration.class))
                .withBean("sdkCredentials", software.amazon.awssdk.identity.spi.IdentityProvider.class, () -> sdk)
                .withPropertyValues("cogsync.region=" + emulator.region(),
                        "cogsync.endpoint-override=" + emulator.endpoint())
                .run(context -> {
                    assertThat(context).hasSingleBean(CredentialsProvider.class);
                    Record written = context.getBean(CoalescingWriter.class).put(DATASET, "k", "v").block(WAIT);
                    assertThat(written.value()).as("the emulator checked the SDK credentials' signature")
                            .isEqualTo("v");
                });
    }

    @Test
    void theApplicationsOwnClientAndWriterWin() {
        runner().withBean("myClient", CognitoSyncClient.class, () -> CognitoSyncClient.create(ClientOptions.builder()
                        .region(emulator.region()).endpointOverride(emulator.endpoint()).maxConnections(3)
                        .credentialsProvider(StaticCredentialsProvider.create(emulator.credentials())).build()))
                .run(context -> {
                    assertThat(context).hasSingleBean(CognitoSyncClient.class).hasBean("myClient");
                    assertThat(context.getBean(CoalescingWriter.class)).as("the writer uses the application's client")
                            .isNotNull();
                    assertThat(context.getBean(CognitoSyncClient.class).options().maxConnections()).isEqualTo(3);
                });
    }

    @Test
    void writesAreCountedOnTheApplicationsMeterRegistry() {
        runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            context.getBean(CoalescingWriter.class).put(DATASET, "a", "1").block(WAIT);
            MeterRegistry registry = context.getBean(MeterRegistry.class);

            assertThat(registry.get("cogsync.writer.writes").tag("outcome", "success").counter().count()).isEqualTo(1);
            assertThat(registry.get("cogsync.client.attempts").tag("operation", "UpdateRecords").tag("status", "200")
                    .counter().count()).isEqualTo(1);
            assertThat(registry.get("cogsync.writer.pending.patches").gauge().value()).isZero();
        });
    }

    @Test
    void healthIsUpWhileTheServiceAnswersDownWithTheReasonWhileItFailsAndUpAgainWhenItRecovers() {
        runner().withPropertyValues("cogsync.health.cache-ttl=0s", "cogsync.health.timeout=10s").run(context -> {
            CogsyncHealthIndicator health = context.getBean("cogsyncHealthIndicator", CogsyncHealthIndicator.class);
            assertThat(health.health().block(WAIT).getStatus()).isEqualTo(Status.UP);

            emulator.configureFaults(FaultConfig.builder().serviceUnavailable(1.0).build());
            Health down = health.health().block(WAIT);
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails().get("error").toString()).contains("ServiceUnavailable");

            emulator.configureFaults(FaultConfig.NONE);
            assertThat(health.health().block(WAIT).getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void aHealthResultIsReusedForItsTtlSoChecksDoNotLoadTheService() {
        runner().run(context -> {
            CognitoSyncClient client = context.getBean(CognitoSyncClient.class);
            CogsyncProperties.Health settings = new CogsyncProperties.Health();
            settings.setCacheTtl(Duration.ofSeconds(10));
            long[] now = {0};
            CogsyncHealthIndicator health = new CogsyncHealthIndicator(client, null, settings, () -> now[0]);
            assertThat(health.health().block(WAIT).getStatus()).isEqualTo(Status.UP);
            long attempts = client.stats().listRecordsCalls();

            emulator.configureFaults(FaultConfig.builder().serviceUnavailable(1.0).build());
            now[0] += Duration.ofSeconds(9).toNanos();
            assertThat(health.health().block(WAIT).getStatus()).as("cached").isEqualTo(Status.UP);
            assertThat(client.stats().listRecordsCalls()).as("no probe within the ttl").isEqualTo(attempts);
            now[0] += Duration.ofSeconds(2).toNanos();
            Health after = health.health().block(WAIT);
            assertThat(after.getStatus()).as(after.toString()).isEqualTo(Status.DOWN);
        });
    }

    @Test
    void closingTheContextFlushesWritesStillPending() {
        AtomicReference<Mono<Record>> pending = new AtomicReference<>();
        runner().withPropertyValues("cogsync.writer.linger=200ms").run(context -> {
            // Held back by the linger when the context closes: the shutdown must still send it.
            pending.set(context.getBean(CoalescingWriter.class).put(DATASET, "last", "words").cache());
            pending.get().subscribe();
        });

        assertThat(pending.get().block(WAIT).value()).isEqualTo("words");
        assertThat(emulator.dataset(DATASET).orElseThrow().value("last")).isEqualTo("words");
    }
}

package dev.cogsync.spring;

import dev.cogsync.auth.CredentialsProvider;
import dev.cogsync.auth.IdentityCredentialsProvider;
import dev.cogsync.batch.BatchLimits;
import dev.cogsync.batch.ConflictResolver;
import dev.cogsync.reactor.AttemptListener;
import dev.cogsync.reactor.ClientOptions;
import dev.cogsync.reactor.CoalescingWriter;
import dev.cogsync.reactor.CognitoSyncClient;
import dev.cogsync.reactor.WriterListener;
import dev.cogsync.reactor.WriterOptions;
import dev.cogsync.reactor.micrometer.CogsyncMeters;
import dev.cogsync.retry.RetryPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A {@link CognitoSyncClient} and a {@link CoalescingWriter} from the {@code cogsync.*} properties, each backing
 * off when the application defines its own. Options that are objects come from beans: a
 * {@link dev.cogsync.auth.IdentityCredentialsProvider}, a {@link RetryPolicy}, a
 * {@link dev.cogsync.batch.ConflictResolver}, {@link dev.cogsync.batch.BatchLimits}. Credentials come from a {@link CredentialsProvider} bean when there is
 * one, else from an AWS SDK v2 {@code IdentityProvider<AwsCredentialsIdentity>} bean (such as an SDK
 * {@code AwsCredentialsProvider}), else from the default chain. With Micrometer, {@link CogsyncMeters} on the application's
 * {@link MeterRegistry} (and its {@link ObservationRegistry}); with Spring Boot's health module, a {@code cogsync}
 * health indicator; in a WebFlux application, {@link CogsyncProblemDetails}. The writer is flushed after the web
 * server's graceful shutdown.
 */
@AutoConfiguration
@EnableConfigurationProperties(CogsyncProperties.class)
public class CogsyncAutoConfiguration {

    /** Created by Spring. */
    public CogsyncAutoConfiguration() {
    }

    /**
     * The client.
     *
     * @param properties the {@code cogsync.*} properties
     * @param credentials a credentials provider bean, if the application has one
     * @param identityCredentials a per-identity credentials provider bean (Cognito Identity), if there is one
     * @param retryPolicy a retry policy bean, if there is one; {@code cogsync.max-attempts} adjusts it
     * @param attemptListener an attempt listener bean (such as the meters), if there is exactly one
     * @return the client, closed with the context
     */
    @Bean
    @ConditionalOnMissingBean
    public CognitoSyncClient cognitoSyncClient(CogsyncProperties properties,
                                               ObjectProvider<CredentialsProvider> credentials,
                                               ObjectProvider<IdentityCredentialsProvider> identityCredentials,
                                               ObjectProvider<RetryPolicy> retryPolicy,
                                               ObjectProvider<AttemptListener> attemptListener) {
        ClientOptions.Builder options = ClientOptions.builder();
        PropertyMapper map = PropertyMapper.get();
        map.from(properties.getRegion()).to(options::region);
        map.from(properties.getEndpointOverride()).to(options::endpointOverride);
        map.from(properties.getMaxConnections()).to(options::maxConnections);
        map.from(properties.getConnectTimeout()).to(options::connectTimeout);
        map.from(properties.getResponseTimeout()).to(options::responseTimeout);
        map.from(properties.getAttemptTimeout()).to(options::attemptTimeout);
        map.from(properties.getApiCallTimeout()).to(options::apiCallTimeout);
        map.from(properties.getAdaptiveRate()).to(options::adaptiveRate);
        map.from(properties.getConnectionPoolMetrics()).to(options::connectionPoolMetrics);
        map.from(properties.getPendingAcquireMaxCount()).to(options::pendingAcquireMaxCount);
        map.from(properties.getPendingAcquireTimeout()).to(options::pendingAcquireTimeout);
        map.from(properties.getMaxIdleTime()).to(options::maxIdleTime);
        map.from(properties.getEvictionInterval()).to(options::evictionInterval);
        map.from(properties.getUserAgentSuffix()).to(options::userAgentSuffix);
        RetryPolicy retry = retryPolicy.getIfUnique(RetryPolicy::defaults);
        options.retryPolicy(properties.getMaxAttempts() == null ? retry
                : retry.toBuilder().maxAttempts(properties.getMaxAttempts()).build());
        map.from(identityCredentials.getIfUnique()).to(options::identityCredentialsProvider);
        map.from(credentials.getIfUnique()).to(options::credentialsProvider);
        map.from(attemptListener.getIfUnique()).to(options::attemptListener);
        return CognitoSyncClient.create(options.build());
    }

    /**
     * The writer. Not closed by bean destruction: {@link WriterLifecycle} flushes it first.
     *
     * @param client the client it writes through
     * @param properties the {@code cogsync.writer.*} properties
     * @param conflictResolver a conflict resolver bean for managed writes, if there is one
     * @param batchLimits the caps on one request as a bean, if there is one
     * @param listener a writer listener bean (such as the meters), if there is exactly one
     * @return the writer
     */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public CoalescingWriter coalescingWriter(CognitoSyncClient client, CogsyncProperties properties,
                                             ObjectProvider<ConflictResolver> conflictResolver,
                                             ObjectProvider<BatchLimits> batchLimits,
                                             ObjectProvider<WriterListener> listener) {
        CogsyncProperties.Writer writer = properties.getWriter();
        WriterOptions.Builder options = WriterOptions.builder();
        PropertyMapper map = PropertyMapper.get();
        map.from(writer.getWriteTimeout()).to(options::writeTimeout);
        map.from(writer.getLinger()).to(options::linger);
        map.from(writer.getMaxInFlightRequests()).to(options::maxInFlightRequests);
        map.from(writer.getMaxPendingPatchesPerDataset()).to(options::maxPendingPatchesPerDataset);
        map.from(writer.getMaxPendingPatches()).to(options::maxPendingPatches);
        map.from(writer.getMaxPendingBytes()).to(options::maxPendingBytes);
        map.from(writer.getMaxActiveDatasets()).to(options::maxActiveDatasets);
        map.from(writer.getOverloadPolicy()).to(options::overloadPolicy);
        map.from(writer.getOverloadWaitTimeout()).to(options::overloadWaitTimeout);
        map.from(writer.getCloseTimeout()).to(options::closeTimeout);
        map.from(writer.getDeviceId()).to(options::deviceId);
        map.from(writer.getAdaptiveRate()).to(options::adaptiveRate);
        map.from(writer.getMaxPendingBytesPerDataset()).to(options::maxPendingBytesPerDataset);
        map.from(writer.getIdleTimeout()).to(options::idleTimeout);
        map.from(writer.getMaxWaitingWrites()).to(options::maxWaitingWrites);
        map.from(writer.getMaxConflictRetries()).to(options::maxConflictRetries);
        map.from(writer.getSubmitAllConcurrency()).to(options::submitAllConcurrency);
        map.from(conflictResolver.getIfUnique()).to(options::conflictResolver);
        map.from(batchLimits.getIfUnique()).to(options::batchLimits);
        map.from(listener.getIfUnique()).to(options::listener);
        return CoalescingWriter.create(client, options.build());
    }

    /**
     * Flushes the writer when the context stops, after the web server has stopped taking requests.
     *
     * @param writer the writer
     * @return the lifecycle
     */
    @Bean
    public WriterLifecycle cogsyncWriterLifecycle(CoalescingWriter writer) {
        return new WriterLifecycle(writer);
    }

    /** An application's AWS SDK v2 credentials provider, when it has one and no cogsync provider. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "software.amazon.awssdk.identity.spi.IdentityProvider")
    static class AwsSdkCredentials {

        @Bean
        @ConditionalOnBean(type = "software.amazon.awssdk.identity.spi.IdentityProvider")
        @ConditionalOnMissingBean(CredentialsProvider.class)
        CredentialsProvider cogsyncAwsSdkCredentials(
                software.amazon.awssdk.identity.spi.IdentityProvider<
                        ? extends software.amazon.awssdk.identity.spi.AwsCredentialsIdentity> sdk) {
            return dev.cogsync.reactor.auth.AwsSdkCredentialsAdapter.of(sdk);
        }
    }

    /** The meters, when Micrometer is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Meters {

        @Bean
        @ConditionalOnMissingBean
        CogsyncMeters cogsyncMeters(ObjectProvider<MeterRegistry> registry,
                                    ObjectProvider<ObservationRegistry> observations) {
            CogsyncMeters.Builder meters = CogsyncMeters.builder(registry.getIfUnique(() -> Metrics.globalRegistry));
            ObservationRegistry observationRegistry = observations.getIfUnique();
            if (observationRegistry != null) {
                meters.observations(observationRegistry);
            }
            return meters.build();
        }

        @Bean
        SmartInitializingSingleton cogsyncMeterBinder(CogsyncMeters meters, ObjectProvider<CoalescingWriter> writer,
                                                      ObjectProvider<CognitoSyncClient> client) {
            return () -> {
                writer.ifUnique(meters::bind);
                client.ifUnique(meters::bind);
            };
        }
    }

    /** Problem details for cogsync's errors, in a WebFlux application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.web.reactive.DispatcherHandler")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    static class ProblemDetails {

        @Bean
        @ConditionalOnMissingBean
        CogsyncProblemDetails cogsyncProblemDetails() {
            return new CogsyncProblemDetails();
        }
    }

    /** The health indicator, when Spring Boot's health module is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.ReactiveHealthIndicator")
    static class HealthIndicatorConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "cogsyncHealthIndicator")
        CogsyncHealthIndicator cogsyncHealthIndicator(CognitoSyncClient client, CogsyncProperties properties) {
            return new CogsyncHealthIndicator(client, properties.getIdentityPoolId(), properties.getHealth(),
                    System::nanoTime);
        }
    }
}

package dev.cogsync.reactor;

import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.Record;
import dev.cogsync.reactor.micrometer.CogsyncMeters;
import dev.cogsync.retry.RetryPolicy;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meters end to end: a writer and its client on the emulator, scraped as Prometheus would scrape them, and
 * Reactor Netty's pool meters switched on from {@link ClientOptions}.
 */
class MetersIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aScrapeCountsEveryAcknowledgedWriteAndAgreesWithTheWritersOwnCounters() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics.addRegistry(prometheus);
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start();
             WriterFixture fixture = new WriterFixture(emulator)) {
            // Observations timed by Micrometer's default handler, as Spring Boot wires them.
            ObservationRegistry observations = ObservationRegistry.create();
            observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(prometheus));
            CogsyncMeters meters = CogsyncMeters.builder(prometheus).tags(Tags.of("service", "settings"))
                    .percentileHistogram(true).observations(observations).build();
            CognitoSyncClient client = CognitoSyncClient.create(ClientOptions.builder().region(emulator.region())
                    .endpointOverride(emulator.endpoint())
                    .credentialsProvider(dev.cogsync.auth.StaticCredentialsProvider.create(emulator.credentials()))
                    .retryPolicy(RetryPolicy.defaults())
                    .connectionPoolMetrics(true)
                    .attemptListener(meters)
                    .build());
            CoalescingWriter writer = fixture.writer(client, WriterOptions.builder().listener(meters).build());
            meters.bind(writer).bind(client);
            List<DatasetRef> datasets = List.of(WriterFixture.dataset(1, "settings"),
                    WriterFixture.dataset(2, "settings"), WriterFixture.dataset(3, "settings"));

            List<Record> written = Flux.range(0, 600)
                    .flatMap(i -> writer.put(datasets.get(i % 3), "key-" + i, "value-" + i), 600)
                    .collectList().block(WAIT);
            assertThat(written).hasSize(600);
            String scrape = prometheus.scrape();
            client.close();

            assertThat(value(scrape, "cogsync_writer_writes_total", "outcome=\"success\"")).isEqualTo(600);
            assertThat(value(scrape, "cogsync_writer_write_latency_seconds_count", "outcome=\"success\""))
                    .isEqualTo(600);
            assertThat(scrape).contains("cogsync_writer_write_latency_seconds_bucket{");
            WriterStats stats = writer.stats();
            assertThat(value(scrape, "cogsync_writer_batch_size_patches_sum", "service=\"settings\""))
                    .isEqualTo(stats.patchesSent());
            assertThat(value(scrape, "cogsync_writer_requests_total", "operation=\"UpdateRecords\""))
                    .isEqualTo(stats.updateRecordsCalls());
            // Coalesced: far fewer requests than writes.
            assertThat(stats.updateRecordsCalls()).isLessThan(600);
            assertThat(value(scrape, "cogsync_client_attempts_total", "operation=\"UpdateRecords\""))
                    .isEqualTo(client.stats().updateRecordsCalls());
            assertThat(value(scrape, "cogsync_client_attempts_total", "status=\"200\""))
                    .isEqualTo(client.stats().updateRecordsCalls() + client.stats().listRecordsCalls());
            // One observation per attempt, tagged by operation, status and batch-size bucket.
            assertThat(value(scrape, "cogsync_attempt_seconds_count", "cogsync_operation=\"UpdateRecords\""))
                    .isEqualTo(stats.updateRecordsCalls());
            assertThat(scrape).containsPattern("cogsync_attempt_seconds_count\\{[^}]*cogsync_batch_size=\"");
            assertThat(value(scrape, "cogsync_writer_pending_patches", "service=\"settings\"")).isZero();
            // No identity, dataset or key reaches a tag.
            assertThat(scrape).doesNotContain("us-east-1:0000").doesNotContain("key-");
            // Reactor Netty's pool meters, for the client's own pool, named cogsync.
            assertThat(scrape).containsPattern("reactor_netty_connection_provider_total_connections\\{[^}]*"
                    + "name=\"cogsync\"");
        } finally {
            Metrics.removeRegistry(prometheus);
        }
    }

    /** The value of the one sample of a metric whose labels contain the given label. */
    private static double value(String scrape, String metric, String label) {
        Matcher m = Pattern.compile("(?m)^" + metric + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
        double total = 0;
        int found = 0;
        while (m.find()) {
            if (m.group(1).contains(label)) {
                total += Double.parseDouble(m.group(2));
                found++;
            }
        }
        assertThat(found).as(metric + "{" + label + "} in the scrape").isPositive();
        return total;
    }
}

package dev.cogsync.reactor;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.StaticCredentialsProvider;
import dev.cogsync.exception.WriteTimeoutException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.RecordPatch;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end against a server that accepts connections and never answers: with the default client options (a
 * 30 s attempt timeout), every write still ends at its own short deadline, within the documented slack.
 */
class CoalescingWriterDeadlineIT {

    private static final Duration DEADLINE = Duration.ofSeconds(2);
    /** The wheel's 10 ms tick, plus room for a shared, noisy CI machine. */
    private static final Duration SLACK = Duration.ofMillis(750);

    record Ended(Throwable error, long millis) {
    }

    @Test
    void everyWriteToAServerThatNeverAnswersEndsAtItsDeadline() {
        DisposableServer silent = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> Mono.never()).bindNow();
        CognitoSyncClient client = CognitoSyncClient.create(ClientOptions.builder().region("us-east-1")
                .endpointOverride(URI.create("http://127.0.0.1:" + silent.port()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsCredentials.of("AKIDEXAMPLE", "secret")))
                .build());
        CoalescingWriter writer = CoalescingWriter.create(client, WriterOptions.builder().writeTimeout(DEADLINE)
                .build());
        try {
            List<Ended> ended = Flux.range(0, 200)
                    .flatMap(i -> {
                        DatasetRef dataset = WriterFixture.dataset(i % 10, "silent-" + (i % 20));
                        long start = System.nanoTime();
                        Mono<?> write = i % 2 == 0 ? writer.put(dataset, "k" + i, "v")
                                : writer.submit(dataset, RecordPatch.replace("k" + i, "v", 0));
                        return write.map(ok -> new Ended(null, elapsed(start)))
                                .onErrorResume(e -> Mono.just(new Ended(e, elapsed(start))));
                    }, 200)
                    .collectList()
                    .block(Duration.ofSeconds(30));

            assertThat(ended).hasSize(200).allSatisfy(end -> {
                assertThat(end.error()).isInstanceOf(WriteTimeoutException.class);
                assertThat(end.millis()).isBetween(DEADLINE.toMillis() - 20, DEADLINE.plus(SLACK).toMillis());
            });
        } finally {
            writer.close().block(Duration.ofSeconds(10));
            client.close();
            silent.disposeNow();
        }
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}

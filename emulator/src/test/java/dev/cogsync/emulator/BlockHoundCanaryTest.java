package dev.cogsync.emulator;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Proves that BlockHound is installed for this module's tests, so that a clean run means no blocking call
 * happened on a non-blocking thread.
 */
class BlockHoundCanaryTest {

    @Test
    void blockingOnAReactorParallelThreadIsReported() {
        Mono<Long> blocking = Mono.delay(Duration.ofMillis(1)).doOnNext(tick -> sleep());

        StepVerifier.create(blocking)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(BlockingOperationError.class)
                        .hasMessageContaining("java.lang.Thread.sleep"))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void blockingOnANettyEventLoopIsReported() {
        LoopResources loops = LoopResources.create("canary", 1, true);
        try {
            assertThatThrownBy(() -> loops.onClient(true).next().submit(BlockHoundCanaryTest::sleep)
                    .get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(BlockingOperationError.class);
        } finally {
            loops.disposeLater().block(Duration.ofSeconds(10));
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

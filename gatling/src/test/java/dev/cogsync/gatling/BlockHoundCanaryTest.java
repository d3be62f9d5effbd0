package dev.cogsync.gatling;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that BlockHound is installed for this module's tests, so that the actions' tests passing means that no
 * action blocked a Reactor or Netty thread.
 */
class BlockHoundCanaryTest {

    @Test
    void blockingOnAReactorThreadIsReported() {
        Throwable error = Mono.delay(Duration.ofMillis(1))
                .doOnNext(tick -> sleep())
                .then(Mono.<Throwable>empty())
                .onErrorResume(Mono::just)
                .block(Duration.ofSeconds(10));

        assertThat(error).isInstanceOf(BlockingOperationError.class).hasMessageContaining("Thread.sleep");
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

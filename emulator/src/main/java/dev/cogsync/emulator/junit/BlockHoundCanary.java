package dev.cogsync.emulator.junit;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The BlockHound canary of a test suite: extend it with an empty class in each module whose tests run under
 * BlockHound ({@code class BlockHoundCanaryTest extends BlockHoundCanary {}}). Its tests block on a Reactor thread
 * and on a Netty event loop, and pass only when BlockHound reports both, which proves that a clean run of the
 * suite means no blocking call happened on a non-blocking thread.
 */
public abstract class BlockHoundCanary {

    /** For subclasses. */
    protected BlockHoundCanary() {
    }

    /**
     * Sleeps a millisecond on a Reactor parallel thread: a canary for code that installs BlockHound itself, such as
     * a Gatling simulation.
     *
     * @return what the sleep failed with: a {@link BlockingOperationError} when BlockHound is on, else {@code null}
     */
    public static Throwable blockOnAReactorThread() {
        return Mono.delay(Duration.ofMillis(1))
                .doOnNext(tick -> sleep())
                .then(Mono.<Throwable>empty())
                .onErrorResume(Mono::just)
                .block(Duration.ofSeconds(10));
    }

    @Test
    void blockingOnAReactorThreadIsReported() {
        BlockingOperationError reported = assertInstanceOf(BlockingOperationError.class, blockOnAReactorThread());
        assertTrue(reported.getMessage().contains("java.lang.Thread.sleep"), reported.getMessage());
    }

    @Test
    void blockingOnANettyEventLoopIsReported() {
        LoopResources loops = LoopResources.create("canary", 1, true);
        try {
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> loops.onClient(true).next().submit(BlockHoundCanary::sleep).get(10, TimeUnit.SECONDS));
            assertInstanceOf(BlockingOperationError.class, failed.getCause());
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

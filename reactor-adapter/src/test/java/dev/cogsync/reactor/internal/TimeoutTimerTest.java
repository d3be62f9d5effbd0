package dev.cogsync.reactor.internal;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class TimeoutTimerTest {

    private final TimeoutTimer wheel = TimeoutTimer.wheel();

    @Test
    void theWheelEmitsOnceTheDelayHasPassed() {
        long started = System.nanoTime();
        StepVerifier.create(wheel.after(Duration.ofMillis(100))).expectNext(0L).expectComplete()
                .verify(Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aCancelledTimerNeverFires() {
        AtomicBoolean fired = new AtomicBoolean();
        Disposable armed = wheel.after(Duration.ofMillis(50)).subscribe(tick -> fired.set(true));
        armed.dispose();

        // A later timer on the same wheel fires after the cancelled one's deadline has passed.
        StepVerifier.create(wheel.after(Duration.ofMillis(200))).expectNext(0L).expectComplete()
                .verify(Duration.ofSeconds(10));
        assertThat(fired).isFalse();
    }

    @Test
    void aTimeoutOnTheWheelEndsASourceThatNeverAnswersAndCancelsIt() {
        AtomicBoolean cancelled = new AtomicBoolean();
        Mono<String> never = Mono.<String>never().doOnCancel(() -> cancelled.set(true));

        StepVerifier.create(never.timeout(wheel.after(Duration.ofMillis(100))))
                .expectError(java.util.concurrent.TimeoutException.class)
                .verify(Duration.ofSeconds(10));
        assertThat(cancelled).isTrue();
    }

    @Test
    void aSourceThatAnswersInTimeIsNotTimedOut() {
        StepVerifier.create(Mono.just("answer").delayElement(Duration.ofMillis(20))
                        .timeout(wheel.after(Duration.ofSeconds(5))))
                .expectNext("answer").expectComplete()
                .verify(Duration.ofSeconds(10));
    }
}

package dev.cogsync.benchmarks.load;

import dev.cogsync.workload.PatchSender;
import dev.cogsync.workload.Workload;
import dev.cogsync.workload.WriterCursor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the writers: each is a non-blocking loop with one patch in flight, which claims a patch from the budget,
 * sends it, records the outcome, and goes again. No thread per writer: the loops run on whichever event loop
 * completed their previous patch. A failed patch is counted and the writer carries on after a short pause, so that
 * a failure that comes back at once cannot turn a writer into a busy loop that starves its event loop.
 */
final class LoadDriver {

    /** How long a writer pauses after a failed patch. */
    static final Duration PAUSE_AFTER_FAILURE = Duration.ofMillis(1);

    private final Workload workload;
    private final PatchSender sender;
    private final Budget budget;
    private final Tally tally;

    LoadDriver(Workload workload, PatchSender sender, Budget budget, Tally tally) {
        this.workload = workload;
        this.sender = sender;
        this.budget = budget;
        this.tally = tally;
    }

    /**
     * Starts every writer, and the budget's clock.
     *
     * @return completes with the time from the start to the end of the last patch, once every writer has run out
     *     of budget and has no patch in flight
     */
    CompletableFuture<Duration> start() {
        int writers = workload.writers();
        long startNanos = System.nanoTime();
        budget.start(startNanos);
        return Flux.range(0, writers)
                .flatMap(this::writer, writers)
                .then(Mono.fromSupplier(() -> Duration.ofNanos(System.nanoTime() - startNanos)))
                .toFuture();
    }

    private Mono<Void> writer(int index) {
        WriterCursor cursor = workload.cursor(index);
        // repeat() resubscribes in a loop, not by recursion, so patches that end synchronously cannot overflow the
        // stack; takeWhile stops the loop at the first claim the budget refuses.
        return Mono.defer(() -> budget.tryClaim() ? patch(cursor) : Mono.just(Boolean.FALSE))
                .repeat()
                .takeWhile(Boolean::booleanValue)
                .then();
    }

    private Mono<Boolean> patch(WriterCursor cursor) {
        String key = cursor.key();
        String value = cursor.value();
        cursor.advance();
        tally.submitted();
        long start = System.nanoTime();
        // Deferred so that even a sender that throws instead of signalling fails this patch alone.
        return Mono.defer(() -> sender.put(cursor.dataset(), key, value))
                .then(Mono.fromSupplier(() -> {
                    tally.acknowledged(System.nanoTime() - start);
                    return Boolean.TRUE;
                }))
                .onErrorResume(error -> {
                    tally.failed(error);
                    return Mono.delay(PAUSE_AFTER_FAILURE).thenReturn(Boolean.TRUE);
                });
    }
}

package dev.cogsync.reactor;

import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.model.Dataset;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.Record;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting a dataset that 64 managed writers keep writing, three times over: no write fails (none meets a stale
 * count from before a delete), every delete succeeds, and the server ends up holding, for every key, the last value
 * acknowledged for it.
 */
class DeleteWhileWritingIT {

    @Test
    void writersKeepWritingThroughDeletesWithoutAFailure() {
        try (CognitoSyncEmulator emulator = CognitoSyncEmulator.builder().start();
             WriterFixture fixture = new WriterFixture(emulator)) {
            CoalescingWriter writer = fixture.writer(WriterOptions.defaults());
            DatasetRef dataset = WriterFixture.dataset(77, "deleted-while-written");
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            Map<String, Record> lastAcknowledged = new ConcurrentHashMap<>();

            // Each delete is sent once a quarter of the 2,560 writes more have been acknowledged: at least 576 of
            // the next quarter are queued after it and write into the new dataset, so every delete finds one.
            java.util.concurrent.atomic.AtomicInteger acknowledged = new java.util.concurrent.atomic.AtomicInteger();
            List<java.util.concurrent.CompletableFuture<Void>> quarters = List.of(
                    new java.util.concurrent.CompletableFuture<>(), new java.util.concurrent.CompletableFuture<>(),
                    new java.util.concurrent.CompletableFuture<>());
            Flux<Record> writes = Flux.range(0, 64).flatMap(w -> Flux.range(0, 40).concatMap(i -> writer
                    .put(dataset, "k" + (w % 16), "w" + w + "-" + i)
                    .doOnNext(record -> lastAcknowledged.compute(record.key(), (key, previous) -> record))
                    .doOnNext(record -> {
                        int n = acknowledged.incrementAndGet();
                        if (n % 640 == 0 && n / 640 <= quarters.size()) {
                            quarters.get(n / 640 - 1).complete(null);
                        }
                    })
                    .onErrorResume(e -> {
                        failures.add(e);
                        return Mono.empty();
                    })), 64);
            Flux<Dataset> deletes = Flux.range(0, 3).concatMap(i -> Mono.fromFuture(quarters.get(i))
                    .then(writer.deleteDataset(dataset)));
            // Should writes fail and leave a quarter short, the deletes still run, and the assertions say why.
            List<Dataset> deleted = Flux.merge(writes.doFinally(signal -> quarters.forEach(q -> q.complete(null)))
                            .then(Mono.<Dataset>empty()), deletes).collectList()
                    .block(Duration.ofMinutes(2));

            assertThat(failures).as("failed writes").isEmpty();
            assertThat(deleted).as("deletes that succeeded").hasSize(3);
            for (Record record : lastAcknowledged.values()) {
                assertThat(emulator.dataset(dataset).orElseThrow().value(record.key())).as(record.key())
                        .isEqualTo(record.value());
            }
        }
    }
}

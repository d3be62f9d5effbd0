package dev.cogsync.benchmarks.load;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.reactor.CoalescingWriter;
import reactor.core.publisher.Mono;

import java.time.Duration;

/** {@link Mode#COALESCED}: managed-mode {@code put}s through one {@link CoalescingWriter} with default options. */
final class CoalescedSender implements PatchSender {

    private final CoalescingWriter writer;

    CoalescedSender(CoalescingWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<?> send(DatasetRef dataset, String key, String value) {
        return writer.put(dataset, key, value);
    }

    @Override
    public void close() {
        // close() ends every write within its own timeout; the margin only guards against a bug there.
        writer.close().block(writer.options().closeTimeout().plus(Duration.ofSeconds(10)));
    }
}

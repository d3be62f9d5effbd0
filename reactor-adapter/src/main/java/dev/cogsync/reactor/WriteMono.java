package dev.cogsync.reactor;

import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * The {@code Mono} of one write: each subscription makes a new write of the same patch and offers it to the
 * writer; nothing happens before subscription.
 */
final class WriteMono extends Mono<Record> {

    /** Where a subscribed write goes. */
    @FunctionalInterface
    interface Sink {
        void accept(DatasetRef dataset, PendingWrite write, WriteCall call, boolean stream, Duration timeout);
    }

    private final Sink sink;
    private final DatasetRef dataset;
    private final RecordPatch patch;
    private final boolean managed;
    private final boolean stream;
    private final Duration timeout;

    WriteMono(Sink sink, DatasetRef dataset, RecordPatch patch, boolean managed, boolean stream, Duration timeout) {
        this.sink = sink;
        this.dataset = dataset;
        this.patch = patch;
        this.managed = managed;
        this.stream = stream;
        this.timeout = timeout;
    }

    @Override
    public void subscribe(CoreSubscriber<? super Record> actual) {
        WriteCall call = new WriteCall(actual);
        actual.onSubscribe(call);
        sink.accept(dataset, managed ? PendingWrite.managed(patch) : PendingWrite.explicit(patch), call, stream,
                timeout);
    }
}

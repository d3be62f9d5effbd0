package dev.cogsync.reactor;

import dev.cogsync.batch.Batchable;
import dev.cogsync.batch.PatchSize;
import dev.cogsync.model.Operation;
import dev.cogsync.model.Record;
import dev.cogsync.model.RecordPatch;
import reactor.core.publisher.MonoSink;

import java.util.ArrayList;
import java.util.List;

/**
 * One write waiting in a dataset's queue or travelling in its request, with the callers waiting for it.
 *
 * <p>An explicit write has exactly one caller and a fixed patch. A managed write has a key and the value to
 * write; later managed writes to the same key replace the value while it is still queued and add their
 * callers, so every caller gets the record actually written. Fields marked "guarded" are read and written
 * under the owning {@link DatasetWriter}'s lock; the others only by its single running cycle.
 */
final class PendingWrite implements Batchable {

    enum State { QUEUED, SENDING, DONE }

    final boolean managed;
    final String key;
    private final RecordPatch explicitPatch;

    // Guarded by the dataset's lock.
    String value;
    boolean remove;
    long estimatedBytes;
    State state = State.QUEUED;
    final List<Caller> callers = new ArrayList<>(1);

    // Confined to the dataset's running cycle.
    int attempts;
    int failedAttempts;
    int conflictResolutions;
    RecordPatch sent;
    final List<LostResponse> lostResponses = new ArrayList<>(0);

    private PendingWrite(boolean managed, String key, RecordPatch explicitPatch, String value, boolean remove) {
        this.managed = managed;
        this.key = key;
        this.explicitPatch = explicitPatch;
        this.value = value;
        this.remove = remove;
        this.estimatedBytes = PatchSize.of(key, value);
    }

    static PendingWrite explicit(RecordPatch patch) {
        return new PendingWrite(false, patch.key(), patch, patch.value(), patch.isRemove());
    }

    static PendingWrite managed(String key, String value, boolean remove) {
        return new PendingWrite(true, key, null, remove ? null : value, remove);
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public long estimatedBytes() {
        return estimatedBytes;
    }

    /** The patch to send: the caller's own, or the managed value at the sync count this writer knows. */
    RecordPatch patch(long knownSyncCount) {
        if (!managed) {
            return explicitPatch;
        }
        return new RecordPatch(remove ? Operation.REMOVE : Operation.REPLACE, key, remove ? null : value,
                knownSyncCount, null);
    }

    /** The value this write wants, {@code null} for a remove. */
    String wantedValue() {
        return remove ? null : value;
    }

    /** Whether a request carrying this write lost its response and was found applied. */
    boolean lostResponseApplied() {
        for (LostResponse lost : lostResponses) {
            if (lost.applied) {
                return true;
            }
        }
        return false;
    }

    /** Whether a request carrying this write lost its response, and it is not yet known if it was applied. */
    boolean hasUnsettledLostResponse() {
        for (LostResponse lost : lostResponses) {
            if (!lost.settled) {
                return true;
            }
        }
        return false;
    }

    /** A caller waiting for this write, with the value it asked for (the last caller's value is written). */
    record Caller(MonoSink<Record> sink, String value, boolean remove) {
    }

    /** A request whose response was lost, with every patch it carried, to tell later whether it was applied. */
    static final class LostResponse {
        final List<RecordPatch> sent;
        final Throwable cause;
        boolean settled;
        boolean applied;

        LostResponse(List<RecordPatch> sent, Throwable cause) {
            this.sent = sent;
            this.cause = cause;
        }
    }
}

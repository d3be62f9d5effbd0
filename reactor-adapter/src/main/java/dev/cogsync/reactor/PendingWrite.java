package dev.cogsync.reactor;

import dev.cogsync.batch.Batchable;
import dev.cogsync.batch.PatchSize;
import dev.cogsync.model.RecordPatch;

import java.util.ArrayList;
import java.util.List;

/**
 * One write waiting in a dataset's queue or travelling in its request, with the callers waiting for it.
 *
 * <p>An explicit write has exactly one caller and a fixed patch. A managed write has a key and the value to
 * write; later managed writes to the same key replace the value while it is still queued and add their
 * callers, so every caller gets the record actually written. Each caller has its own deadline. Fields marked
 * "guarded" are read and written under the owning {@link DatasetWrites}' lock; the others only by its drain
 * loop.
 */
final class PendingWrite implements Batchable {

    /** Queued; taken by the drain loop (in flight, or held while a refusal is resolved); ended. */
    enum State { QUEUED, SENDING, DONE }

    final boolean managed;
    final String key;
    /** The caller's patch: sent as it is when explicit; the value, at the known count, when managed. */
    private RecordPatch patch;

    // Guarded by the dataset's lock.
    /** The order the write was accepted in, within its dataset: a delete falls between two tickets. */
    long ticket;
    String value;
    boolean remove;
    long estimatedBytes;
    State state = State.QUEUED;
    /** Usually exactly one; more only when managed writes to one key merged. Swapped out when the write ends. */
    List<Caller> callers = new ArrayList<>(1);

    // Confined to the dataset's drain loop.
    int attempts;
    int conflictResolutions;
    /** Whether an UpdateRecords carrying this write is in flight now; read by the drain loop only. */
    boolean inFlight;
    /** The last failure a request carrying this write met, for a timeout's cause. */
    Throwable lastError;
    RecordPatch sent;
    /** Requests of this write that lost their response; empty (and shared) until one does. */
    List<LostResponse> lostResponses = List.of();

    private PendingWrite(boolean managed, RecordPatch patch) {
        this.managed = managed;
        this.key = patch.key();
        this.patch = patch;
        this.value = patch.value();
        this.remove = patch.isRemove();
        this.estimatedBytes = PatchSize.of(key, value);
    }

    static PendingWrite explicit(RecordPatch patch) {
        return new PendingWrite(false, patch);
    }

    /** A managed write; the patch's sync count is a placeholder, replaced by the known count when sent. */
    static PendingWrite managed(RecordPatch patch) {
        return new PendingWrite(true, patch);
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public long estimatedBytes() {
        return estimatedBytes;
    }

    /**
     * The patch to send: the caller's own, or the managed value at the sync count this writer knows. Called
     * only by the running cycle, while the write is in flight and its value cannot change.
     */
    RecordPatch patch(long knownSyncCount) {
        if (!managed) {
            return patch;
        }
        if (patch.value() != value || patch.isRemove() != remove) {
            patch = remove ? RecordPatch.remove(key, knownSyncCount) : RecordPatch.replace(key, value, knownSyncCount);
        }
        return patch.withSyncCount(knownSyncCount);
    }

    /** The value this write wants, {@code null} for a remove. */
    String wantedValue() {
        return remove ? null : value;
    }

    /** Records that a request carrying this write lost its response. */
    void lost(LostResponse lost) {
        if (lostResponses.isEmpty()) {
            lostResponses = new ArrayList<>(2);
        }
        lostResponses.add(lost);
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

    /** Whether the service may have applied this write: in flight now, or an earlier request's fate unknown. */
    boolean mayHaveBeenApplied() {
        return inFlight || hasUnsettledLostResponse() || lostResponseApplied();
    }

    /**
     * A caller waiting for this write, with the value it asked for (the last caller's value is written) and its
     * deadline.
     */
    record Caller(WriteCall call, String value, boolean remove, long deadlineNanos, java.time.Duration timeout) {
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

package dev.cogsync.reactor;

import dev.cogsync.model.Record;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;

/**
 * One caller's write, as its subscriber sees it: the subscription, the place its outcome is delivered, and its
 * cancellation. One object per write, on the hot path, instead of a {@code MonoSink} with its disposables.
 *
 * <p>Cancelling runs the current cancel action: withdrawing the write from the waiting queue or from its
 * dataset's queue. The action moves as the write does; a cancel that comes before any action is set runs the
 * action as soon as it is.
 */
final class WriteCall extends Operators.MonoSubscriber<Record, Record> {

    private Runnable cancelAction;
    private boolean cancelRequested;

    WriteCall(CoreSubscriber<? super Record> actual) {
        super(actual);
    }

    /** Delivers the record written; ignored after a cancel. */
    void success(Record record) {
        complete(record);
    }

    /** Delivers a failure; dropped silently after a cancel, since nobody listens any more. */
    void error(Throwable error) {
        if (!isCancelled()) {
            actual.onError(error);
        }
    }

    /** Sets what a cancel does from now on; runs it at once when the caller has already cancelled. */
    void onCancel(Runnable action) {
        boolean runNow;
        synchronized (this) {
            cancelAction = action;
            runNow = cancelRequested;
        }
        if (runNow) {
            action.run();
        }
    }

    @Override
    public void cancel() {
        super.cancel();
        Runnable action;
        synchronized (this) {
            if (cancelRequested) {
                return;
            }
            cancelRequested = true;
            action = cancelAction;
        }
        if (action != null) {
            action.run();
        }
    }
}

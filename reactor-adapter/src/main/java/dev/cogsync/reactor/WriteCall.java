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

    private static final java.lang.invoke.VarHandle REPORTED;

    static {
        try {
            REPORTED = java.lang.invoke.MethodHandles.lookup().findVarHandle(WriteCall.class, "reported", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Runnable cancelAction;
    private boolean cancelRequested;
    /** Written last in {@link #observe}, read first: whoever sees the listener sees the timer and start too. */
    private volatile WriterListener listener = WriterListener.NONE;
    private WriterTimer timer;
    private long acceptedNanos;
    @SuppressWarnings("unused") // through REPORTED
    private volatile int reported;

    WriteCall(CoreSubscriber<? super Record> actual) {
        super(actual);
    }

    /** From now on, tells the listener how this write ends, timed from now. */
    void observe(WriterListener listener, WriterTimer timer) {
        if (listener != WriterListener.NONE) {
            this.timer = timer;
            this.acceptedNanos = timer.nanoTime();
            this.listener = listener;
        }
    }

    /** Delivers the record written; ignored after a cancel. */
    void success(Record record) {
        if (!isCancelled()) {
            report(null, false);
        }
        complete(record);
    }

    /** Delivers a failure; dropped silently after a cancel, since nobody listens any more. */
    void error(Throwable error) {
        if (!isCancelled()) {
            report(error, false);
            actual.onError(error);
        }
    }

    /**
     * Tells the listener how the write ended, once: a write ends once, however its ends race. A listener's failure
     * is not the write's, so it is dropped.
     */
    private void report(Throwable error, boolean cancelled) {
        WriterListener observer = listener;
        if (observer == WriterListener.NONE || !REPORTED.compareAndSet(this, 0, 1)) {
            return;
        }
        long nanos = timer.nanoTime() - acceptedNanos;
        try {
            if (cancelled) {
                observer.writeCancelled(nanos);
            } else if (error != null) {
                observer.writeFailed(error, nanos);
            } else {
                observer.writeSucceeded(nanos);
            }
        } catch (RuntimeException ignored) {
            // Dropped: see above.
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
        report(null, true);
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

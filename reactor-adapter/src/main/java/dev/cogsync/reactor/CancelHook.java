package dev.cogsync.reactor;

import reactor.core.Disposable;

/**
 * A caller's one cancellation callback. A {@code MonoSink} takes a single {@code onCancel} for its lifetime,
 * but a write moves from being held for room to being queued, so the action is re-pointed here; a cancel that
 * comes before any action is set runs the action as soon as it is.
 */
final class CancelHook implements Disposable {

    private Runnable action;
    private boolean cancelled;

    void set(Runnable newAction) {
        boolean runNow;
        synchronized (this) {
            action = newAction;
            runNow = cancelled;
        }
        if (runNow) {
            newAction.run();
        }
    }

    @Override
    public void dispose() {
        Runnable toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = action;
        }
        if (toRun != null) {
            toRun.run();
        }
    }

    @Override
    public synchronized boolean isDisposed() {
        return cancelled;
    }
}

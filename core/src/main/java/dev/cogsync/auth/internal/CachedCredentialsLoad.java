package dev.cogsync.auth.internal;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.exception.CredentialsException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a blocking credentials load on an executor and caches its outcome, so that a provider that reads files
 * never blocks its caller and answers every resolution after the first with an already completed stage.
 *
 * <p>Both outcomes are cached, credentials and failures. The first {@link #get()} starts a load that
 * concurrent callers share. {@link #refresh()} starts another; the previous outcome is served until it
 * finishes, and when loads overlap the one started last wins. A load the executor rejects is not cached.
 *
 * <p>Every caller gets its own future, completed from the shared one: cancelling or completing it (as
 * Reactor's {@code Mono.fromCompletionStage} does on cancel) affects that caller only, never the cached load.
 * A failure reaches the caller as the {@link CredentialsException} itself, not wrapped.
 */
public final class CachedCredentialsLoad {

    private final Supplier<AwsCredentials> loader;
    private final Executor executor;
    private final String source;
    private final AtomicLong generations = new AtomicLong();
    /** The newest finished load, or the first load while it runs; {@code null} before any load. */
    private final AtomicReference<Load> published = new AtomicReference<>();

    /**
     * Creates the cache; nothing is loaded yet.
     *
     * @param loader the blocking load; throws {@link CredentialsException} when there are no credentials
     * @param executor where the load runs
     * @param source how the source is named when the load fails unexpectedly, for example {@code profile}
     */
    public CachedCredentialsLoad(Supplier<AwsCredentials> loader, Executor executor, String source) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * The cached outcome, starting the first load if none has started.
     *
     * @return an already completed stage once a load has finished; before that, the stage of the first load
     */
    public CompletionStage<AwsCredentials> get() {
        while (true) {
            Load current = published.get();
            if (current != null) {
                return forCaller(current.result());
            }
            Load first = new Load(generations.incrementAndGet(), new CompletableFuture<>());
            if (published.compareAndSet(null, first)) {
                schedule(first);
                return forCaller(first.result());
            }
        }
    }

    /**
     * Starts a new load; the cached outcome is replaced when it finishes.
     *
     * @return the stage of the new load, completed on the executor's thread
     */
    public CompletionStage<AwsCredentials> refresh() {
        Load next = new Load(generations.incrementAndGet(), new CompletableFuture<>());
        published.compareAndSet(null, next);
        schedule(next);
        return forCaller(next.result());
    }

    private void schedule(Load load) {
        try {
            executor.execute(() -> run(load));
        } catch (RuntimeException e) {
            // Typically a shut-down executor. Not cached: the next resolution tries again.
            published.compareAndSet(load, null);
            load.result().completeExceptionally(
                    new CredentialsException(source + ": the executor rejected the credentials load", e));
        }
    }

    private void run(Load load) {
        AwsCredentials credentials = null;
        CredentialsException failure = null;
        try {
            credentials = Objects.requireNonNull(loader.get(), "loader returned null");
        } catch (CredentialsException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new CredentialsException(source + ": unexpected failure loading credentials", e);
        } catch (Error e) {
            load.result().completeExceptionally(e);
            throw e;
        }
        CompletableFuture<AwsCredentials> outcome = failure == null
                ? CompletableFuture.completedFuture(credentials)
                : CompletableFuture.failedFuture(failure);
        // Publish before completing, so that whoever sees this load finish also sees it cached.
        published.accumulateAndGet(new Load(load.generation(), outcome),
                (current, candidate) -> current == null || candidate.generation() >= current.generation()
                        ? candidate : current);
        if (failure == null) {
            load.result().complete(credentials);
        } else {
            load.result().completeExceptionally(failure);
        }
    }

    /**
     * A future of the caller's own. Unlike {@link CompletableFuture#copy()}, it fails with the exception itself
     * rather than a {@link java.util.concurrent.CompletionException} around it.
     */
    static <T> CompletableFuture<T> forCaller(CompletableFuture<T> shared) {
        CompletableFuture<T> own = new CompletableFuture<>();
        shared.whenComplete((value, failure) -> {
            if (failure != null) {
                own.completeExceptionally(failure);
            } else {
                own.complete(value);
            }
        });
        return own;
    }

    /** One load and its outcome; never handed out directly, only futures completed from {@code result} are. */
    private record Load(long generation, CompletableFuture<AwsCredentials> result) {
    }
}

package dev.cogsync.auth.internal;

import static dev.cogsync.auth.Stages.failure;
import static dev.cogsync.auth.Stages.isDone;
import static dev.cogsync.auth.Stages.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.ManualExecutor;
import dev.cogsync.exception.CredentialsException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CachedCredentialsLoadTest {

    private static final AwsCredentials FIRST = AwsCredentials.of("AKIDFIRST", "first-secret");
    private static final AwsCredentials SECOND = AwsCredentials.of("AKIDSECOND", "second-secret");

    private final ManualExecutor executor = new ManualExecutor();
    private final AtomicInteger loads = new AtomicInteger();

    /** A loader that returns the queued outcomes in order and counts its calls. */
    private Supplier<AwsCredentials> loader(Object... outcomes) {
        Deque<Object> queue = new ArrayDeque<>(List.of(outcomes));
        return () -> {
            loads.incrementAndGet();
            Object outcome = queue.poll();
            if (outcome instanceof RuntimeException e) {
                throw e;
            }
            return (AwsCredentials) outcome;
        };
    }

    @Test
    void get_whenFirstCalled_loadsOnTheExecutorNotTheCaller() throws Exception {
        CachedCredentialsLoad cache = new CachedCredentialsLoad(loader(FIRST), executor, "test");

        CompletionStage<AwsCredentials> stage = cache.get();

        assertThat(loads).hasValue(0);
        assertThat(isDone(stage)).isFalse();
        executor.runAllOn("loader-thread");
        assertThat(value(stage)).isEqualTo(FIRST);
        assertThat(executor.threadsThatRanTasks()).containsExactly("loader-thread");
    }

    @Test
    void get_whenCalledConcurrentlyBeforeTheLoadFinishes_sharesOneLoad() throws Exception {
        CachedCredentialsLoad cache = new CachedCredentialsLoad(loader(FIRST), executor, "test");

        CompletionStage<AwsCredentials> first = cache.get();
        CompletionStage<AwsCredentials> second = cache.get();
        executor.runAll();

        assertThat(loads).hasValue(1);
        assertThat(value(first)).isEqualTo(FIRST);
        assertThat(value(second)).isEqualTo(FIRST);
    }

    @Test
    void get_whenOneCallerCancelsWhileLoading_otherCallersStillGetCredentials() throws Exception {
        CachedCredentialsLoad cache = new CachedCredentialsLoad(loader(FIRST), executor, "test");
        CompletionStage<AwsCredentials> cancelled = cache.get();
        CompletionStage<AwsCredentials> other = cache.get();

        // What Reactor's Mono.fromCompletionStage does when its subscriber cancels.
        assertThat(((Future<?>) cancelled).cancel(true)).isTrue();
        executor.runAll();

        assertThat(value(other)).isEqualTo(FIRST);
        assertThat(value(cache.get())).isEqualTo(FIRST);
        assertThat(loads).hasValue(1);
    }

    @Test
    void get_whenOneCallerCompletesItsStage_otherCallersAreUnaffected() throws Exception {
        CachedCredentialsLoad cache = new CachedCredentialsLoad(loader(FIRST), executor, "test");
        cache.get().toCompletableFuture().complete(SECOND);
        executor.runAll();

        cache.get().toCompletableFuture().obtrudeValue(SECOND);

        assertThat(value(cache.get())).isEqualTo(FIRST);
    }

    @Test
    void get_afterTheLoad_isAlreadyCompleteAndDoesNotLoadAgain() throws Exception {
        CachedCredentialsLoad cache = new CachedCredentialsLoad(loader(FIRST, SECOND), executor, "test");
        cache.get();
        executor.runAll();

        CompletionStage<AwsCredentials> later = cache.get();

        assertThat(isDone(later)).isTrue();
        assertThat(value(later)).isEqualTo(FIRST);
        assertThat(executor.pending()).isZero();
        assertThat(loads).hasValue(1);
    }

    @Test
    void get_whenTheLoadFailed_cachesTheFailure() throws Exception {
        CachedCredentialsLoad cache = new CachedCredentialsLoad(
                loader(new CredentialsException("test: nothing here"), FIRST), executor, "test");
        cache.get();
        executor.runAll();

        CompletionStage<AwsCredentials> later = cache.get();

        assertThat(isDone(later)).isTrue();
        assertThat(failure(later)).hasMessage("test: nothing here");
        assertThat(loads).hasValue(1);
    }

    @Test
    void get_whenTheLoaderThrowsSomethingElse_failsWithACredentialsException() throws Exception {
        CachedCredentialsLoad cache = new CachedCredentialsLoad(
                loader(new IllegalStateException("bug")), executor, "test");

        CompletionStage<AwsCredentials> stage = cache.get();
        executor.runAll();

        assertThat(failure(stage))
                .hasMessage("test: unexpected failure loading credentials")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void refresh_servesThePreviousOutcomeUntilTheNewLoadFinishes() throws Exception {
        CachedCredentialsLoad cache = new CachedCredentialsLoad(loader(FIRST, SECOND), executor, "test");
        cache.get();
        executor.runAll();

        CompletionStage<AwsCredentials> refreshed = cache.refresh();

        assertThat(value(cache.get())).isEqualTo(FIRST);
        executor.runAll();
        assertThat(value(refreshed)).isEqualTo(SECOND);
        assertThat(isDone(cache.get())).isTrue();
        assertThat(value(cache.get())).isEqualTo(SECOND);
    }

    @Test
    void refresh_whenItFails_replacesCredentialsWithTheFailure() throws Exception {
        CachedCredentialsLoad cache = new CachedCredentialsLoad(
                loader(FIRST, new CredentialsException("test: gone")), executor, "test");
        cache.get();
        executor.runAll();

        cache.refresh();
        executor.runAll();

        assertThat(failure(cache.get())).hasMessage("test: gone");
    }

    @Test
    void refresh_whenLoadsOverlap_theOneStartedLastWins() {
        ControlledExecutor controlled = new ControlledExecutor();
        CachedCredentialsLoad cache = new CachedCredentialsLoad(loader(FIRST, SECOND), controlled, "test");
        CompletionStage<AwsCredentials> older = cache.refresh();
        CompletionStage<AwsCredentials> newer = cache.refresh();

        controlled.runLast(); // the newer load runs first and gets FIRST
        controlled.runLast(); // the older load finishes after it, with SECOND, and must not replace it

        assertThat(value(newer)).isEqualTo(FIRST);
        assertThat(value(older)).isEqualTo(SECOND);
        assertThat(value(cache.get())).isEqualTo(FIRST);
    }

    @Test
    void get_whenTheExecutorRejects_failsButDoesNotCacheTheRejection() throws Exception {
        RejectOnce rejectOnce = new RejectOnce(executor);
        CachedCredentialsLoad cache = new CachedCredentialsLoad(loader(FIRST), rejectOnce, "test");

        assertThat(failure(cache.get()))
                .hasMessage("test: the executor rejected the credentials load")
                .hasCauseInstanceOf(RejectedExecutionException.class);

        CompletionStage<AwsCredentials> retried = cache.get();
        executor.runAll();
        assertThat(value(retried)).isEqualTo(FIRST);
    }

    /** Runs queued tasks in the order the test chooses, on the test thread. */
    private static final class ControlledExecutor implements Executor {
        private final Deque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runLast() {
            tasks.pollLast().run();
        }
    }

    private static final class RejectOnce implements Executor {
        private final Executor delegate;
        private boolean rejected;

        RejectOnce(Executor delegate) {
            this.delegate = delegate;
        }

        @Override
        public void execute(Runnable task) {
            if (!rejected) {
                rejected = true;
                throw new RejectedExecutionException("shut down");
            }
            delegate.execute(task);
        }
    }
}

package dev.cogsync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cogsync.exception.CredentialsException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for stages in tests, with a timeout, so that a hang fails the test instead of stalling the build. */
public final class Stages {

    private Stages() {
    }

    /** The value the stage completes with. */
    public static <T> T value(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("expected the stage to complete with a value", e);
        }
    }

    /**
     * The {@link CredentialsException} the stage fails with; also checks that callbacks such as
     * {@code handle} see that exception itself, not wrapped in a {@code CompletionException}.
     */
    public static CredentialsException failure(CompletionStage<?> stage) {
        try {
            Object value = stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected the stage to fail, but it completed with " + value);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(CredentialsException.class);
            Throwable seenByCallback = value(stage.handle((ignored, failure) -> failure));
            assertThat(seenByCallback).isSameAs(e.getCause());
            return (CredentialsException) e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("expected the stage to fail", e);
        }
    }

    /** Whether the stage has completed, either way. */
    public static boolean isDone(CompletionStage<?> stage) {
        return stage.toCompletableFuture().isDone();
    }
}

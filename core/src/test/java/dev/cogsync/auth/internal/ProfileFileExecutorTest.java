package dev.cogsync.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProfileFileExecutorTest {

    @Test
    void shared_runsTasksOnANamedDaemonThread() throws Exception {
        CompletableFuture<Thread> ran = new CompletableFuture<>();

        ProfileFileExecutor.shared().execute(() -> ran.complete(Thread.currentThread()));

        Thread thread = ran.get(10, TimeUnit.SECONDS);
        assertThat(thread.getName()).isEqualTo(ProfileFileExecutor.THREAD_NAME);
        assertThat(thread.isDaemon()).isTrue();
        assertThat(thread).isNotSameAs(Thread.currentThread());
    }
}

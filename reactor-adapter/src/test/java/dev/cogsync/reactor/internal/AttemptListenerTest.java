package dev.cogsync.reactor.internal;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.SigV4Signer;
import dev.cogsync.auth.StaticCredentialsProvider;
import dev.cogsync.exception.AttemptTimeoutException;
import dev.cogsync.exception.TooManyRequestsException;
import dev.cogsync.exception.TransportException;
import dev.cogsync.protocol.WireRequest;
import dev.cogsync.reactor.AttemptListener;
import dev.cogsync.retry.RetryPolicy;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** What an {@link AttemptListener} is told: each attempt started once and ended once, with its status. */
class AttemptListenerTest {

    private static final WireRequest UPDATE = new WireRequest("POST",
            "/identitypools/p%3Aa/identities/i%3Ab/datasets/d", "", List.of(), "{}".getBytes(StandardCharsets.UTF_8));
    private static final WireRequest LIST = new WireRequest("GET",
            "/identitypools/p%3Aa/identities/i%3Ab/datasets/d/records", "", List.of(), new byte[0]);
    private static final java.util.function.LongSupplier VIRTUAL_NANOS =
            () -> reactor.core.scheduler.Schedulers.parallel().now(java.util.concurrent.TimeUnit.NANOSECONDS);

    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final AttemptListener recording = new AttemptListener() {
        @Override
        public Object attemptStarted(String operation, int patches) {
            events.add("start " + operation + " " + patches);
            return "context-" + events.size();
        }

        @Override
        public void attemptEnded(Object context, String operation, int status, Throwable error) {
            events.add("end " + context + " " + operation + " " + status + " "
                    + (error == null ? "-" : error.getClass().getSimpleName()));
        }
    };

    private CallExecutor executor(Duration attemptTimeout) {
        RetryPolicy policy = RetryPolicy.defaults().toBuilder().maxAttempts(3).build();
        return new CallExecutor(transport, "h", StaticCredentialsProvider.create(AwsCredentials.of("AKID", "s")),
                SigV4Signer.create("us-east-1", "cognito-sync"), policy, policy.newQuota(), attemptTimeout,
                Duration.ofMinutes(10), Duration.ofSeconds(20), Clock.systemUTC(), () -> 0.0, TimeoutTimer.REACTOR,
                VIRTUAL_NANOS).attemptListener(recording);
    }

    private static Mono<String> call(CallExecutor executor, WireRequest request) {
        return executor.execute(request, body -> new String(body, StandardCharsets.UTF_8));
    }

    @Test
    void aThrottledAttemptAndItsRetryAreTwoAttemptsWithTheirStatuses() {
        CallExecutor executor = executor(Duration.ofSeconds(30));
        transport.error("TooManyRequestsException", 429).respond(200, "ok");

        StepVerifier.withVirtualTime(() -> call(executor, UPDATE)).thenAwait(Duration.ofMinutes(1))
                .expectNext("ok").verifyComplete();

        assertThat(events).containsExactly("start UpdateRecords 0",
                "end context-1 UpdateRecords 429 " + TooManyRequestsException.class.getSimpleName(),
                "start UpdateRecords 0", "end context-3 UpdateRecords 200 -");
    }

    @Test
    void attemptsWithoutAResponseEndWithNoResponseAndTheirError() {
        CallExecutor executor = executor(Duration.ofSeconds(2));
        transport.fail(new IOException("connection reset")).hang().respond(200, "[]");

        StepVerifier.withVirtualTime(() -> call(executor, LIST)).thenAwait(Duration.ofMinutes(1))
                .expectNext("[]").verifyComplete();

        assertThat(events).containsExactly("start ListRecords 0",
                "end context-1 ListRecords 0 " + TransportException.class.getSimpleName(),
                "start ListRecords 0",
                "end context-3 ListRecords 0 " + AttemptTimeoutException.class.getSimpleName(),
                "start ListRecords 0", "end context-5 ListRecords 200 -");
    }

    @Test
    void aCancelledAttemptEndsOnceAsCancelled() {
        CallExecutor executor = executor(Duration.ofSeconds(30));
        transport.hang();

        Disposable call = call(executor, UPDATE).subscribe();
        call.dispose();

        assertThat(events).containsExactly("start UpdateRecords 0",
                "end context-1 UpdateRecords " + AttemptListener.CANCELLED + " -");
    }

    @Test
    void theWritersAttemptsCarryTheirBatchSize() {
        CallExecutor executor = executor(Duration.ofSeconds(30));
        transport.respond(200, "ok");

        StepVerifier.create(executor.attemptOnce(UPDATE, body -> "decoded", new CallExecutor.Attempts(0).patches(7)))
                .expectNext("decoded").verifyComplete();

        assertThat(events).containsExactly("start UpdateRecords 7", "end context-1 UpdateRecords 200 -");
    }
}

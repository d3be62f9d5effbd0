package dev.cogsync.spring;

import dev.cogsync.auth.StaticCredentialsProvider;
import dev.cogsync.emulator.CognitoSyncEmulator;
import dev.cogsync.exception.ResourceConflictException;
import dev.cogsync.exception.TooManyRequestsException;
import dev.cogsync.exception.WriteTimeoutException;
import dev.cogsync.exception.WriterOverloadedException;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.model.Record;
import dev.cogsync.reactor.ClientOptions;
import dev.cogsync.reactor.CoalescingWriter;
import dev.cogsync.reactor.CognitoSyncClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** cogsync's errors as a WebFlux client of the application sees them: problem details with the right status. */
class CogsyncProblemDetailsTest {

    private static CognitoSyncEmulator emulator;
    private static CognitoSyncClient client;
    private static CoalescingWriter writer;

    @BeforeAll
    static void start() {
        emulator = CognitoSyncEmulator.builder().start();
        client = CognitoSyncClient.create(ClientOptions.builder().region(emulator.region())
                .endpointOverride(emulator.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(emulator.credentials())).build());
        writer = CoalescingWriter.create(client);
    }

    @AfterAll
    static void stop() {
        writer.close().block(Duration.ofSeconds(30));
        client.close();
        emulator.close();
    }

    /** Handlers as an application writes them: the writer's errors pass through untouched. */
    @RestController
    static class Handlers {
        private static final DatasetRef DATASET = DatasetRef.of("us-east-1:0f0e0d0c-0000-4000-8000-00000000c0a1",
                "us-east-1:00000001-0000-4000-8000-000000000000", "settings");

        @GetMapping("/put/{key}")
        Mono<Record> put(@PathVariable("key") String key) {
            return writer.put(DATASET, key.equals("empty") ? "" : key, "v");
        }

        @GetMapping("/overloaded")
        Mono<Record> overloaded() {
            return Mono.error(new WriterOverloadedException("cogsync writer overloaded: the writer's pending "
                    + "writes are at their bound"));
        }

        @GetMapping("/timeout")
        Mono<Record> timeout() {
            return Mono.error(new WriteTimeoutException(Duration.ofSeconds(2),
                    new TooManyRequestsException(429, "slow down", "r1", 3), 3, true));
        }

        @GetMapping("/conflict")
        Mono<Record> conflict() {
            return Mono.error(new ResourceConflictException(409, "Current SyncCount for: theme is: 4 not: 3", "r2", 1));
        }

        @GetMapping("/other")
        Mono<Record> other() {
            return Mono.error(new IllegalStateException("not ours"));
        }
    }

    private final WebTestClient web = WebTestClient.bindToController(new Handlers())
            .controllerAdvice(new CogsyncProblemDetails()).build();

    @SuppressWarnings("unchecked")
    private Map<String, Object> problem(String path, HttpStatus status) {
        return web.get().uri(path).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void aWriteThatWorksIsNotAProblem() {
        web.get().uri("/put/theme").exchange().expectStatus().isOk();
    }

    @Test
    void anInvalidWriteIs400NamingTheFieldAndTheRule() {
        Map<String, Object> problem = problem("/put/empty", HttpStatus.BAD_REQUEST);

        assertThat(problem).containsEntry("status", 400).containsEntry("field", "recordPatch.key").containsKey("rule");
        assertThat((String) problem.get("detail")).contains("key");
    }

    @Test
    void aFullWriterIs503WithRetryAfter() {
        web.get().uri("/overloaded").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals("Retry-After", "1");
        assertThat(problem("/overloaded", HttpStatus.SERVICE_UNAVAILABLE)).containsEntry("status", 503);
    }

    @Test
    void aDeadlineIs504SayingWhetherTheWriteMayHaveBeenApplied() {
        assertThat(problem("/timeout", HttpStatus.GATEWAY_TIMEOUT)).containsEntry("mayHaveBeenApplied", true);
    }

    @Test
    void aConflictIs409() {
        assertThat(problem("/conflict", HttpStatus.CONFLICT)).containsEntry("status", 409);
    }

    @Test
    void otherErrorsAreLeftToTheApplication() {
        web.get().uri("/other").exchange().expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}

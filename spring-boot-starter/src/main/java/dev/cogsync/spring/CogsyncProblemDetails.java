package dev.cogsync.spring;

import dev.cogsync.exception.ResourceConflictException;
import dev.cogsync.exception.ValidationException;
import dev.cogsync.exception.WriteTimeoutException;
import dev.cogsync.exception.WriterOverloadedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * cogsync's errors as RFC 9457 problem details in a WebFlux application: a write refused as invalid is 400 naming
 * the field and the rule, a full writer 503 with {@code Retry-After}, a write past its deadline 504 (saying whether
 * it may have been applied), a conflict the writer could not resolve 409. Other errors are left to the
 * application's own handling.
 */
@RestControllerAdvice
public class CogsyncProblemDetails {

    /** How long a client is asked to wait when the writer is full: one second, about one backoff's worth. */
    static final String RETRY_AFTER_SECONDS = "1";

    /** Created by the starter. */
    public CogsyncProblemDetails() {
    }

    /**
     * 400, naming the field and the rule.
     *
     * @param error the refusal
     * @return the problem
     */
    @ExceptionHandler(ValidationException.class)
    public ResponseEntity<ProblemDetail> invalid(ValidationException error) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, error.getMessage());
        problem.setTitle("Invalid record");
        problem.setProperty("field", error.field());
        problem.setProperty("rule", error.rule());
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(problem);
    }

    /**
     * 503 with {@code Retry-After}: the write was not accepted, so retrying it is safe.
     *
     * @param error the refusal
     * @return the problem
     */
    @ExceptionHandler(WriterOverloadedException.class)
    public ResponseEntity<ProblemDetail> overloaded(WriterOverloadedException error) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, error.getMessage());
        problem.setTitle("Too many writes pending");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(problem);
    }

    /**
     * 504, saying whether the write may have been applied.
     *
     * @param error the deadline
     * @return the problem
     */
    @ExceptionHandler(WriteTimeoutException.class)
    public ResponseEntity<ProblemDetail> timedOut(WriteTimeoutException error) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT, error.getMessage());
        problem.setTitle("Write deadline passed");
        problem.setProperty("mayHaveBeenApplied", error.mayHaveBeenApplied());
        return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).body(problem);
    }

    /**
     * 409.
     *
     * @param error the conflict
     * @return the problem
     */
    @ExceptionHandler(ResourceConflictException.class)
    public ResponseEntity<ProblemDetail> conflict(ResourceConflictException error) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, error.getMessage());
        problem.setTitle("Conflicting write");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}

package dev.cogsync.gatling;

import dev.cogsync.exception.CognitoSyncServiceException;
import dev.cogsync.exception.ValidationException;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.util.Clock;
import io.gatling.commons.validation.Failure;
import io.gatling.commons.validation.Success;
import io.gatling.commons.validation.Validation;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import scala.Option;

import java.util.List;
import java.util.Optional;

/**
 * One Cognito Sync request of a virtual user: resolves the arguments, sends, reports the outcome to Gatling's stats
 * engine with its own timing (OK, or KO with the error type), and hands the session to the next action on the
 * virtual user's event loop. Never blocks: the request completes on a Reactor Netty thread.
 */
final class CognitoSyncAction implements Action {

    private static final com.typesafe.scalalogging.Logger LOGGER =
            com.typesafe.scalalogging.Logger.apply(LoggerFactory.getLogger(CognitoSyncAction.class));

    private final scala.Function1<Session, Validation<String>> name;
    private final List<scala.Function1<Session, Validation<String>>> arguments;
    private final Operation operation;
    private final String saveAs;
    private final CognitoSyncComponents components;
    private final StatsEngine stats;
    private final Clock clock;
    private final Action next;

    CognitoSyncAction(scala.Function1<Session, Validation<String>> name,
                      List<scala.Function1<Session, Validation<String>>> arguments, Operation operation,
                      String saveAs, CognitoSyncComponents components, StatsEngine stats, Clock clock,
                      Action next) {
        this.name = name;
        this.arguments = arguments;
        this.operation = operation;
        this.saveAs = saveAs;
        this.components = components;
        this.stats = stats;
        this.clock = clock;
        this.next = next;
    }

    @Override
    public String name() {
        return "cognitoSync";
    }

    @Override
    public com.typesafe.scalalogging.Logger logger() {
        return LOGGER;
    }

    @Override
    public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(com.typesafe.scalalogging.Logger l) {
        // The logger is a constant of this class.
    }

    @Override
    public void execute(Session session) {
        Object resolvedName = name.apply(session);
        if (resolvedName instanceof Failure failure) {
            crash(session, "cognitoSync", failure.message());
            return;
        }
        String requestName = (String) ((Success<?>) resolvedName).value();
        String[] resolved = new String[arguments.size()];
        for (int i = 0; i < resolved.length; i++) {
            Object argument = arguments.get(i).apply(session);
            if (argument instanceof Failure failure) {
                crash(session, requestName, failure.message());
                return;
            }
            resolved[i] = String.valueOf(((Success<?>) argument).value());
        }
        long start = clock.nowMillis();
        Mono<?> call;
        try {
            call = operation.send(components, resolved);
        } catch (RuntimeException rejected) {
            // Rejected before anything was sent: a bad dataset name, key or sync count.
            failed(session, requestName, start, rejected);
            return;
        }
        call.map(Optional::<Object>of)
                .defaultIfEmpty(Optional.empty())
                .subscribe(result -> succeeded(session, requestName, start, result.orElse(null)),
                        error -> failed(session, requestName, start, error));
    }

    private void succeeded(Session session, String requestName, long start, Object result) {
        long end = clock.nowMillis();
        stats.logResponse(session.scenario(), session.groups(), requestName, start, end, OK$.MODULE$,
                Option.empty(), Option.empty());
        Session updated = saveAs != null && result != null ? session.set(saveAs, result) : session;
        proceed(updated.logGroupRequestTimings(start, end));
    }

    private void failed(Session session, String requestName, long start, Throwable error) {
        long end = clock.nowMillis();
        stats.logResponse(session.scenario(), session.groups(), requestName, start, end, KO$.MODULE$,
                statusOf(error), Option.apply(errorType(error)));
        proceed(session.logGroupRequestTimings(start, end).markAsFailed());
    }

    private void crash(Session session, String requestName, String message) {
        stats.logRequestCrash(session.scenario(), session.groups(), requestName,
                "failed to build request: " + message);
        proceed(session.markAsFailed());
    }

    /** The next action runs on the virtual user's event loop, as Gatling's own actions do. */
    private void proceed(Session session) {
        if (session.eventLoop().inEventLoop()) {
            next.$bang(session);
        } else {
            session.eventLoop().execute(() -> next.$bang(session));
        }
    }

    /**
     * What Gatling's report shows for a KO: the service's error code ({@code ResourceConflictException},
     * {@code TooManyRequestsException}), the validation rule with its field, or else the exception's type.
     *
     * @param error the failure
     * @return a short text without request ids, so that the report's error table groups alike failures
     */
    static String errorType(Throwable error) {
        if (error instanceof CognitoSyncServiceException service && service.errorCode() != null) {
            return service.errorCode();
        }
        if (error instanceof ValidationException || error instanceof IllegalArgumentException) {
            return error.getClass().getSimpleName() + ": " + error.getMessage();
        }
        return error.getClass().getSimpleName();
    }

    private static Option<String> statusOf(Throwable error) {
        return error instanceof CognitoSyncServiceException service
                ? Option.apply(Integer.toString(service.statusCode())) : Option.empty();
    }
}

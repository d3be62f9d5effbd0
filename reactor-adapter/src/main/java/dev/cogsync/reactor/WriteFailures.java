package dev.cogsync.reactor;

import dev.cogsync.batch.ConflictAnalysis;
import dev.cogsync.exception.AttemptTimeoutException;
import dev.cogsync.exception.CognitoSyncClientException;
import dev.cogsync.exception.CognitoSyncException;
import dev.cogsync.exception.CognitoSyncServiceException;
import dev.cogsync.exception.InvalidLambdaFunctionOutputException;
import dev.cogsync.exception.InvalidParameterException;
import dev.cogsync.exception.LimitExceededException;
import dev.cogsync.exception.ResourceConflictException;
import dev.cogsync.exception.SyncCountConflict;
import dev.cogsync.exception.TransportException;
import dev.cogsync.model.Record;
import dev.cogsync.reactor.internal.CallExecutor;

import java.util.Map;

/** How {@link DatasetWrites} reads a failure: its kind, and the errors it builds from one. Pure; no state. */
final class WriteFailures {

    private WriteFailures() {
    }

    static CognitoSyncException typed(Throwable failure, CallExecutor.Attempts attempts) {
        return failure instanceof CognitoSyncException typed ? typed
                : new CognitoSyncClientException("unexpected failure: " + failure.getClass().getName(), failure,
                attempts.count());
    }

    static ResourceConflictException conflictError(PendingWrite write, CognitoSyncServiceException error,
                                                           Map<String, Record> current) {
        long currentCount = ConflictAnalysis.currentSyncCount(current, write.key);
        return new ResourceConflictException(409, new SyncCountConflict(write.key, currentCount,
                write.sent.syncCount()).toMessage(), error.requestId(), write.attempts, current.get(write.key));
    }

    static boolean isRejectedToken(CognitoSyncException error) {
        return error instanceof CognitoSyncServiceException service && service.statusCode() == 400
                && service.errorMessage() != null && service.errorMessage().contains("SyncSessionToken");
    }

    static boolean isNoSuchSyncCount(CognitoSyncException error) {
        return error instanceof CognitoSyncServiceException service && service.errorMessage() != null
                && service.errorMessage().startsWith("No such SyncCount");
    }

    static boolean isRequestLevelRejection(CognitoSyncException error) {
        return error instanceof LimitExceededException || error instanceof InvalidLambdaFunctionOutputException
                || error instanceof InvalidParameterException;
    }

    /** Whether the service may have applied a request that failed this way. Throttled requests were not. */
    static boolean mayHaveBeenApplied(CognitoSyncException error) {
        if (error instanceof TransportException transport) {
            return transport.requestMayHaveBeenSent();
        }
        return error instanceof AttemptTimeoutException
                || error instanceof CognitoSyncServiceException service && service.isTransient();
    }
}

package dev.cogsync.emulator.internal;

import dev.cogsync.protocol.CognitoIdentityCodec;
import dev.cogsync.emulator.ApiOperation;
import dev.cogsync.emulator.FaultKind;
import dev.cogsync.model.DatasetRef;
import dev.cogsync.protocol.UpdateRecordsCodec;

import java.util.Map;

/**
 * Takes a request through the emulator's stages, in this order: routing, SigV4, unknown operation (404), path
 * labels (400), the identity's rate limit (429), the faults drawn for it, then the operation. Split in two,
 * {@link #admit} and {@link #execute}, so that injected latency can sit between them without blocking.
 */
final class RequestProcessor {

    private final RequestAuthenticator authenticator;
    private final Throttler throttler;
    private final FaultInjector faults;
    private final Operations operations;
    private final Counters counters;
    private final IdentityService identities;
    private final RequestAuthenticator identityAuthenticator;

    RequestProcessor(RequestAuthenticator authenticator, Throttler throttler, FaultInjector faults,
                     Operations operations, Counters counters, IdentityService identities,
                     RequestAuthenticator identityAuthenticator) {
        this.identities = identities;
        this.identityAuthenticator = identityAuthenticator;
        this.authenticator = authenticator;
        this.throttler = throttler;
        this.faults = faults;
        this.operations = operations;
        this.counters = counters;
    }

    Admission admit(ReceivedRequest request) {
        String target = request.headers().get(CognitoIdentityCodec.TARGET_HEADER);
        if (target != null && target.startsWith(CognitoIdentityCodec.TARGET_PREFIX)
                && "POST".equals(request.method()) && "/".equals(request.rawPath())) {
            return Admission.stop(identity(request, IdentityService.operation(target)));
        }
        Route route = Route.match(request.method(), request.rawPath());
        ApiOperation operation = route.operation();
        ServiceError denied = authenticator.authenticate(request);
        if (denied != null) {
            return Admission.stop(Reply.error(operation, denied));
        }
        if (operation == ApiOperation.UNKNOWN) {
            return Admission.stop(Reply.error(operation, 404, "UnknownOperationException",
                    "The requested operation is not supported: " + request.method() + " on this path"));
        }
        DatasetRef dataset;
        try {
            dataset = route.dataset();
        } catch (ServiceError e) {
            return Admission.stop(Reply.error(operation, e));
        }
        IdentityService.Issued owner = identities.issuedTo(Authenticators.accessKeyOf(request));
        if (owner != null && !(owner.identityId().equals(dataset.identityId())
                && owner.identityPoolId().equals(dataset.identityPoolId()))) {
            // Cognito Identity credentials reach their own identity's datasets only.
            return Admission.stop(Reply.error(operation, 403, "NotAuthorizedException",
                    "Access to Identity '" + dataset.identityId() + "' is forbidden."));
        }
        if (!throttler.tryAcquire(dataset.identityPoolId() + '/' + dataset.identityId())) {
            counters.throttled();
            return Admission.stop(Reply.error(operation, 429, "TooManyRequestsException", "Rate exceeded"));
        }
        FaultDecision decision = faults.draw(operation);
        if (decision.delayed()) {
            counters.fault(FaultKind.LATENCY);
        }
        return new Admission(null, operation, dataset, decision, request);
    }

    /** Cognito Identity: GetId and GetCredentialsForIdentity are unsigned; CreateIdentityPool needs a developer. */
    private Reply identity(ReceivedRequest request, ApiOperation operation) {
        if (operation == ApiOperation.CREATE_IDENTITY_POOL) {
            ServiceError denied = identityAuthenticator.authenticate(request);
            if (denied != null) {
                return Reply.error(operation, denied);
            }
        }
        return identities.serve(operation, request.body());
    }

    Reply execute(Admission admission) {
        ApiOperation operation = admission.operation();
        FaultKind failure = admission.faults().failure();
        if (failure != null) {
            counters.fault(failure);
            return switch (failure) {
                case CONNECTION_CLOSED -> Reply.closeConnection(operation);
                case INTERNAL_ERROR -> Reply.error(operation, 500, "InternalErrorException",
                        "Internal error (injected by the emulator)");
                case SERVICE_UNAVAILABLE -> Reply.error(operation, 503, "ServiceUnavailableException",
                        "Service unavailable (injected by the emulator)");
                case THROTTLED -> Reply.error(operation, 429, "TooManyRequestsException",
                        "Rate exceeded (injected by the emulator)");
                default -> throw new IllegalStateException("not a failure: " + failure);
            };
        }
        ReceivedRequest request = admission.request();
        DatasetRef dataset = admission.dataset();
        byte[] body;
        try {
            body = switch (operation) {
                case LIST_RECORDS -> operations.listRecords(dataset, QueryString.parse(request.rawQuery()));
                case UPDATE_RECORDS -> operations.updateRecords(dataset,
                        request.headers().get(UpdateRecordsCodec.CLIENT_CONTEXT_HEADER), request.body());
                case DESCRIBE_DATASET -> operations.describeDataset(dataset);
                case LIST_DATASETS -> operations.listDatasets(dataset, queryOf(request));
                case DESCRIBE_IDENTITY_USAGE -> operations.describeIdentityUsage(dataset);
                case DELETE_DATASET -> operations.deleteDataset(dataset);
                case UNKNOWN, GET_ID, GET_CREDENTIALS_FOR_IDENTITY, CREATE_IDENTITY_POOL ->
                        throw new IllegalStateException("not a Cognito Sync operation: " + operation);
            };
        } catch (ServiceError e) {
            return Reply.error(operation, e);
        }
        if (admission.faults().dropAfterApplying()) {
            counters.fault(FaultKind.APPLIED_THEN_DROPPED);
            return Reply.closeConnection(operation);
        }
        return Reply.ok(operation, body);
    }

    private static Map<String, String> queryOf(ReceivedRequest request) {
        return QueryString.parse(request.rawQuery());
    }
}

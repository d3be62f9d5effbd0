package dev.cogsync.emulator.internal;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.emulator.ApiOperation;
import dev.cogsync.model.Constraints;
import dev.cogsync.protocol.CognitoIdentityCodec;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Amazon Cognito Identity, as far as the emulator serves it beside Cognito Sync: {@code CreateIdentityPool},
 * {@code GetId} (a new identity for each unauthenticated call, the same identity for the same login) and
 * {@code GetCredentialsForIdentity} (session credentials that expire after {@link #CREDENTIALS_TTL} and reach only
 * their own identity's datasets). Any well-formed pool id is accepted, as for Cognito Sync; a pool created here with
 * {@code AllowUnauthenticatedIdentities=false} refuses {@code GetId} without logins. Thread-safe and non-blocking.
 */
final class IdentityService {

    /** How long issued credentials work: an hour, as Cognito Identity's. */
    static final Duration CREDENTIALS_TTL = Duration.ofHours(1);
    private static final Pattern ID = Pattern.compile(Constraints.ID_PATTERN);
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /** Credentials issued to one identity. */
    record Issued(String identityPoolId, String identityId, AwsCredentials credentials) {
    }

    private final String region;
    private final Clock clock;
    private final Map<String, Boolean> createdPools = new ConcurrentHashMap<>();
    private final Map<String, String> poolOfIdentity = new ConcurrentHashMap<>();
    private final Map<String, String> identityOfLogin = new ConcurrentHashMap<>();
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();

    IdentityService(String region, Clock clock) {
        this.region = region;
        this.clock = clock;
    }

    /** The operation a target names, or {@code UNKNOWN}. */
    static ApiOperation operation(String target) {
        return switch (target.substring(CognitoIdentityCodec.TARGET_PREFIX.length())) {
            case "GetId" -> ApiOperation.GET_ID;
            case "GetCredentialsForIdentity" -> ApiOperation.GET_CREDENTIALS_FOR_IDENTITY;
            case "CreateIdentityPool" -> ApiOperation.CREATE_IDENTITY_POOL;
            default -> ApiOperation.UNKNOWN;
        };
    }

    /** Serves one call; the caller has checked the signature of {@code CreateIdentityPool}. */
    Reply serve(ApiOperation operation, byte[] body) {
        CognitoIdentityCodec.Request request;
        try {
            request = CognitoIdentityCodec.parseRequest(body);
        } catch (IllegalArgumentException e) {
            return error(operation, 400, "InvalidParameterException", e.getMessage());
        }
        return switch (operation) {
            case GET_ID -> getId(request);
            case GET_CREDENTIALS_FOR_IDENTITY -> getCredentials(request);
            case CREATE_IDENTITY_POOL -> createPool(request);
            default -> error(operation, 400, "UnknownOperationException", "The requested operation is not supported");
        };
    }

    private Reply getId(CognitoIdentityCodec.Request request) {
        String pool = request.identityPoolId();
        if (pool == null || pool.length() > Constraints.MAX_ID_LENGTH || !ID.matcher(pool).matches()) {
            return error(ApiOperation.GET_ID, 400, "InvalidParameterException",
                    "1 validation error detected: Value at 'identityPoolId' failed to satisfy constraint");
        }
        if (request.logins().isEmpty()) {
            if (Boolean.FALSE.equals(createdPools.get(pool))) {
                return error(ApiOperation.GET_ID, 400, "NotAuthorizedException",
                        "Unauthenticated access is not supported for this identity pool.");
            }
            return Reply.ok(ApiOperation.GET_ID, CognitoIdentityCodec.getIdResponse(newIdentity(pool)));
        }
        Map.Entry<String, String> login = request.logins().entrySet().iterator().next();
        String identity = identityOfLogin.computeIfAbsent(pool + '\n' + login.getKey() + '\n' + login.getValue(),
                key -> newIdentity(pool));
        return Reply.ok(ApiOperation.GET_ID, CognitoIdentityCodec.getIdResponse(identity));
    }

    private Reply getCredentials(CognitoIdentityCodec.Request request) {
        String identity = request.identityId();
        String pool = identity == null ? null : poolOfIdentity.get(identity);
        if (pool == null) {
            return error(ApiOperation.GET_CREDENTIALS_FOR_IDENTITY, 400, "ResourceNotFoundException",
                    "Identity '" + identity + "' not found.");
        }
        AwsCredentials credentials = AwsCredentials.expiring("ASIA" + random(16), random(40), random(64),
                clock.instant().plus(CREDENTIALS_TTL));
        issued.put(credentials.accessKeyId(), new Issued(pool, identity, credentials));
        return Reply.ok(ApiOperation.GET_CREDENTIALS_FOR_IDENTITY,
                CognitoIdentityCodec.credentialsResponse(identity, credentials));
    }

    private Reply createPool(CognitoIdentityCodec.Request request) {
        if (request.identityPoolName() == null || request.allowUnauthenticatedIdentities() == null) {
            return error(ApiOperation.CREATE_IDENTITY_POOL, 400, "InvalidParameterException",
                    "IdentityPoolName and AllowUnauthenticatedIdentities are required");
        }
        String pool = region + ":" + UUID.randomUUID();
        createdPools.put(pool, request.allowUnauthenticatedIdentities());
        return Reply.ok(ApiOperation.CREATE_IDENTITY_POOL, CognitoIdentityCodec.createPoolResponse(pool,
                request.identityPoolName(), request.allowUnauthenticatedIdentities()));
    }

    /** Credentials issued here that have not expired, for the SigV4 check; {@code null} otherwise. */
    AwsCredentials credentials(String accessKeyId) {
        Issued found = issued.get(accessKeyId);
        if (found == null) {
            return null;
        }
        if (!clock.instant().isBefore(found.credentials().expiration())) {
            issued.remove(accessKeyId, found);
            return null;
        }
        return found.credentials();
    }

    /** Who credentials issued here belong to, or {@code null} for any other access key. */
    Issued issuedTo(String accessKeyId) {
        return accessKeyId == null ? null : issued.get(accessKeyId);
    }

    private String newIdentity(String pool) {
        String identity = region + ":" + new UUID(ThreadLocalRandom.current().nextLong(),
                ThreadLocalRandom.current().nextLong());
        poolOfIdentity.put(identity, pool);
        return identity;
    }

    private static String random(int length) {
        char[] chars = new char[length];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length()));
        }
        return new String(chars);
    }

    private static Reply error(ApiOperation operation, int status, String type, String message) {
        return new Reply(operation, status, type, CognitoIdentityCodec.errorBody(type, message), false);
    }
}

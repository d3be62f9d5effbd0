package dev.cogsync.protocol;

import dev.cogsync.exception.CognitoSyncServiceException;
import dev.cogsync.exception.InternalErrorException;
import dev.cogsync.exception.InvalidLambdaFunctionOutputException;
import dev.cogsync.exception.InvalidParameterException;
import dev.cogsync.exception.LambdaThrottledException;
import dev.cogsync.exception.LimitExceededException;
import dev.cogsync.exception.NotAuthorizedException;
import dev.cogsync.exception.ResourceConflictException;
import dev.cogsync.exception.ResourceNotFoundException;
import dev.cogsync.exception.SyncCountConflict;
import dev.cogsync.exception.TooManyRequestsException;
import dev.cogsync.exception.UnmodeledServiceException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorResponseCodecTest {

    private static Function<String, String> headers(String... namesAndValues) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map::get;
    }

    private static CognitoSyncServiceException decode(int status, Function<String, String> headers, String body) {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        return ErrorResponseCodec.decode(status, headers, bytes, 0, bytes == null ? 0 : bytes.length, 1);
    }

    @ParameterizedTest
    @CsvSource({
            "400, InvalidParameterException, dev.cogsync.exception.InvalidParameterException, false, false, false",
            "400, LimitExceededException, dev.cogsync.exception.LimitExceededException, false, false, false",
            "403, NotAuthorizedException, dev.cogsync.exception.NotAuthorizedException, false, false, false",
            "404, ResourceNotFoundException, dev.cogsync.exception.ResourceNotFoundException, false, false, false",
            "409, ResourceConflictException, dev.cogsync.exception.ResourceConflictException, false, false, true",
            "400, InvalidLambdaFunctionOutputException, dev.cogsync.exception.InvalidLambdaFunctionOutputException, false, false, false",
            "429, LambdaThrottledException, dev.cogsync.exception.LambdaThrottledException, true, false, false",
            "429, TooManyRequestsException, dev.cogsync.exception.TooManyRequestsException, true, false, false",
            "500, InternalErrorException, dev.cogsync.exception.InternalErrorException, false, true, false",
            "400, SerializationException, dev.cogsync.exception.UnmodeledServiceException, false, false, false",
            "403, InvalidSignatureException, dev.cogsync.exception.UnmodeledServiceException, false, false, false",
    })
    void everyModelledErrorMapsToItsException(int status, String code, Class<?> type, boolean throttling,
                                               boolean transientError, boolean conflict) {
        CognitoSyncServiceException error = decode(status,
                headers("x-amzn-ErrorType", code + ":http://internal.amazon.com/coral/com.amazonaws.cognito.sync.model/",
                        "x-amzn-RequestId", "req-1"),
                "{\"message\":\"it went wrong\"}");

        assertThat(error).isExactlyInstanceOf(type);
        assertThat(error.statusCode()).isEqualTo(status);
        assertThat(error.errorCode()).isEqualTo(code);
        assertThat(error.errorMessage()).isEqualTo("it went wrong");
        assertThat(error.requestId()).isEqualTo("req-1");
        assertThat(error.attempts()).isEqualTo(1);
        assertThat(error.isThrottling()).isEqualTo(throttling);
        assertThat(error.isTransient()).isEqualTo(transientError);
        assertThat(error.isConflict()).isEqualTo(conflict);
        assertThat(error.isRetryable()).isEqualTo(throttling || transientError);
        assertThat(error).hasMessage(code + ": it went wrong (status " + status + ", request id req-1, attempts 1)");
    }

    @Test
    void codeFallsBackToBodyTypeWithoutNamespaceThenToBodyCode() {
        assertThat(decode(400, headers(), "{\"__type\":\"com.amazonaws.cognitosync#InvalidParameterException\","
                + "\"Message\":\"capital M\"}"))
                .isInstanceOf(InvalidParameterException.class)
                .extracting(CognitoSyncServiceException::errorMessage).isEqualTo("capital M");
        assertThat(decode(404, headers(), "{\"code\":\"ResourceNotFoundException\",\"message\":\"m\"}"))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(decode(400, headers("X-AMZN-ERRORTYPE", "LimitExceededException"),
                "{\"__type\":\"InvalidParameterException\"}")).isInstanceOf(LimitExceededException.class);
    }

    @Test
    void unknownOrMissingCodesAreUnmodeledAndStillClassifiedByStatus() {
        CognitoSyncServiceException gateway = decode(502, headers(), "<html>Bad Gateway</html>");
        assertThat(gateway).isInstanceOf(UnmodeledServiceException.class);
        assertThat(gateway.errorCode()).isNull();
        assertThat(gateway.errorMessage()).isNull();
        assertThat(gateway.isTransient()).isTrue();
        assertThat(gateway).hasMessage("HTTP 502 error: (no message) (status 502, attempts 1)");

        assertThat(decode(503, headers(), null).isTransient()).isTrue();
        assertThat(decode(504, headers(), "").isTransient()).isTrue();
        assertThat(decode(429, headers(), "{\"__type\":\"ThrottlingException\"}").isThrottling()).isTrue();
        assertThat(decode(501, headers(), "{}").isRetryable()).isFalse();
    }

    @Test
    void conflictMessageWithStatus400IsAConflictAndNamesKeyAndCounts() {
        CognitoSyncServiceException error = decode(400, headers("x-amzn-ErrorType", "InvalidParameterException"),
                "{\"message\":\"Current SyncCount for: highScore is: 5 not: 4\"}");
        assertThat(error).isInstanceOf(InvalidParameterException.class);
        assertThat(error.isConflict()).isTrue();
        assertThat(error.conflict()).contains(new SyncCountConflict("highScore", 5, 4));
    }

    @Test
    void conflictWithoutAParsableMessageIsStillAConflict() {
        CognitoSyncServiceException error = decode(409, headers("x-amzn-ErrorType", "ResourceConflictException"),
                "{\"message\":\"Conflict\"}");
        assertThat(error.isConflict()).isTrue();
        assertThat(error.conflict()).isEmpty();
        assertThat(((ResourceConflictException) error).currentRecord()).isEmpty();
    }

    @Test
    void errorBodyIsWhatTheServiceSends() {
        assertThat(new String(ErrorResponseCodec.encodeBody("SyncSessionToken not valid for these inputs"),
                StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"SyncSessionToken not valid for these inputs\"}");
        assertThat(new String(ErrorResponseCodec.encodeBody(null), StandardCharsets.UTF_8))
                .isEqualTo("{\"message\":null}");
    }

    @Test
    void createNamesEveryModelledCode() {
        assertThat(ErrorResponseCodec.create(400, "InvalidLambdaFunctionOutputException", null, null, 2))
                .isInstanceOf(InvalidLambdaFunctionOutputException.class);
        assertThat(ErrorResponseCodec.create(429, "LambdaThrottledException", null, null, 2))
                .isInstanceOf(LambdaThrottledException.class);
        assertThat(ErrorResponseCodec.create(429, "TooManyRequestsException", null, null, 2))
                .isInstanceOf(TooManyRequestsException.class);
        assertThat(ErrorResponseCodec.create(500, "InternalErrorException", null, null, 2))
                .isInstanceOf(InternalErrorException.class).extracting(e -> e.attempts()).isEqualTo(2);
        assertThat(ErrorResponseCodec.create(403, "NotAuthorizedException", null, null, 1))
                .isInstanceOf(NotAuthorizedException.class);
        assertThat(ErrorResponseCodec.create(400, null, "m", null, 1))
                .isInstanceOf(UnmodeledServiceException.class);
    }
}

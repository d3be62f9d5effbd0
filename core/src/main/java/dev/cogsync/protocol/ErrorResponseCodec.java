package dev.cogsync.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cogsync.exception.CognitoSyncServiceException;
import dev.cogsync.exception.InternalErrorException;
import dev.cogsync.exception.InvalidLambdaFunctionOutputException;
import dev.cogsync.exception.InvalidParameterException;
import dev.cogsync.exception.LambdaThrottledException;
import dev.cogsync.exception.LimitExceededException;
import dev.cogsync.exception.NotAuthorizedException;
import dev.cogsync.exception.ResourceConflictException;
import dev.cogsync.exception.ResourceNotFoundException;
import dev.cogsync.exception.TooManyRequestsException;
import dev.cogsync.exception.UnmodeledServiceException;

import java.io.IOException;
import java.util.function.Function;

/**
 * Error responses, both ways: the client decodes them into the typed exceptions; the emulator writes them.
 *
 * <p>As the service sends them: the code in the {@code x-amzn-ErrorType} header (anything after a {@code :}
 * ignored), else the body's {@code __type} (any {@code namespace#} prefix ignored), else its {@code code}; the
 * message in the body's {@code message} or {@code Message}; the request id in {@code x-amzn-RequestId}.
 */
public final class ErrorResponseCodec {

    /** The header that names the error code. */
    public static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";
    /** The header that carries the request id. */
    public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";

    private ErrorResponseCodec() {
    }

    /**
     * Decodes an error response. Never fails: a body that is not JSON leaves the code and message to the
     * headers, and an unknown or missing code gives an {@link UnmodeledServiceException}.
     *
     * @param statusCode the HTTP status
     * @param headers looks a header up by name, case-insensitively; returns {@code null} when absent
     * @param body the buffer, or {@code null}
     * @param offset where the body starts
     * @param length the body's length
     * @param attempts the HTTP attempts made, counting this one
     * @return the typed exception
     */
    public static CognitoSyncServiceException decode(int statusCode, Function<String, String> headers, byte[] body,
                                                     int offset, int length, int attempts) {
        String code = stripAfter(headers.apply(ERROR_TYPE_HEADER), ':');
        String requestId = headers.apply(REQUEST_ID_HEADER);
        String bodyType = null;
        String bodyCode = null;
        String message = null;
        if (body != null && length > 0) {
            try (JsonParser parser = JsonFormat.FACTORY.createParser(body, offset, length)) {
                if (parser.nextToken() == JsonToken.START_OBJECT) {
                    String field;
                    while ((field = parser.nextFieldName()) != null) {
                        JsonToken token = parser.nextToken();
                        if (token != JsonToken.VALUE_STRING) {
                            parser.skipChildren();
                            continue;
                        }
                        switch (field) {
                            case "__type" -> bodyType = parser.getText();
                            case "code", "Code" -> bodyCode = parser.getText();
                            case "message", "Message" -> message = parser.getText();
                            default -> { }
                        }
                    }
                }
            } catch (IOException e) {
                // Not JSON (for example an HTML page from a proxy): the status and headers still classify it.
            }
        }
        if (code == null && bodyType != null) {
            code = emptyToNull(bodyType.substring(bodyType.indexOf('#') + 1));
        }
        if (code == null) {
            code = emptyToNull(bodyCode);
        }
        return create(statusCode, code, message, requestId, attempts);
    }

    /**
     * Creates the typed exception for an error code.
     *
     * @param statusCode the HTTP status
     * @param code the error code, or {@code null}
     * @param message the message, or {@code null}
     * @param requestId the request id, or {@code null}
     * @param attempts the HTTP attempts made
     * @return the modelled subclass for a known code, otherwise an {@link UnmodeledServiceException}
     */
    public static CognitoSyncServiceException create(int statusCode, String code, String message, String requestId,
                                                     int attempts) {
        if (code == null) {
            return new UnmodeledServiceException(statusCode, null, message, requestId, attempts);
        }
        return switch (code) {
            case "InvalidParameterException" -> new InvalidParameterException(statusCode, message, requestId, attempts);
            case "LimitExceededException" -> new LimitExceededException(statusCode, message, requestId, attempts);
            case "NotAuthorizedException" -> new NotAuthorizedException(statusCode, message, requestId, attempts);
            case "ResourceNotFoundException" -> new ResourceNotFoundException(statusCode, message, requestId, attempts);
            case "ResourceConflictException" -> new ResourceConflictException(statusCode, message, requestId, attempts);
            case "InvalidLambdaFunctionOutputException" ->
                    new InvalidLambdaFunctionOutputException(statusCode, message, requestId, attempts);
            case "LambdaThrottledException" -> new LambdaThrottledException(statusCode, message, requestId, attempts);
            case "TooManyRequestsException" -> new TooManyRequestsException(statusCode, message, requestId, attempts);
            case "InternalErrorException" -> new InternalErrorException(statusCode, message, requestId, attempts);
            default -> new UnmodeledServiceException(statusCode, code, message, requestId, attempts);
        };
    }

    /**
     * The body of an error response as the service writes it.
     *
     * @param message the message, or {@code null}
     * @return {@code {"message":"..."}}, UTF-8
     */
    public static byte[] encodeBody(String message) {
        return JsonFormat.write(32 + (message == null ? 0 : message.length()), generator -> {
            generator.writeStartObject();
            generator.writeStringField("message", message);
            generator.writeEndObject();
        });
    }

    private static String stripAfter(String value, char separator) {
        if (value == null) {
            return null;
        }
        int at = value.indexOf(separator);
        return emptyToNull((at < 0 ? value : value.substring(0, at)).trim());
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}

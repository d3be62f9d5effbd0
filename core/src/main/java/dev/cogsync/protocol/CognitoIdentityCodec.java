package dev.cogsync.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cogsync.auth.AwsCredentials;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON 1.1 protocol of Amazon Cognito Identity, as far as cogsync and its emulator speak it: {@code GetId},
 * {@code GetCredentialsForIdentity} and {@code CreateIdentityPool}. A request is a {@code POST /} with
 * {@code X-Amz-Target: AWSCognitoIdentityService.<Operation>} and {@code Content-Type:
 * application/x-amz-json-1.1}; errors carry their type in the body's {@code __type} and the
 * {@code x-amzn-ErrorType} header. {@code GetId} and {@code GetCredentialsForIdentity} are not signed.
 */
public final class CognitoIdentityCodec {

    /** The header naming the operation. */
    public static final String TARGET_HEADER = "X-Amz-Target";
    /** The prefix of every target. */
    public static final String TARGET_PREFIX = "AWSCognitoIdentityService.";
    /** The protocol's content type. */
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    /** The signing name, for {@code CreateIdentityPool}. */
    public static final String SIGNING_NAME = "cognito-identity";

    private static final JsonFactory JSON = new JsonFactory();

    private CognitoIdentityCodec() {
    }

    /**
     * The fields of a request the emulator reads.
     *
     * @param identityPoolId {@code IdentityPoolId}, or {@code null}
     * @param identityId {@code IdentityId}, or {@code null}
     * @param logins {@code Logins}: provider name to token; empty when absent
     * @param identityPoolName {@code IdentityPoolName}, or {@code null}
     * @param allowUnauthenticatedIdentities {@code AllowUnauthenticatedIdentities}, or {@code null}
     */
    public record Request(String identityPoolId, String identityId, Map<String, String> logins,
                          String identityPoolName, Boolean allowUnauthenticatedIdentities) {
        /**
         * Copies the logins.
         *
         * @param identityPoolId {@code IdentityPoolId}, or {@code null}
         * @param identityId {@code IdentityId}, or {@code null}
         * @param logins {@code Logins}: provider name to token; empty when absent
         * @param identityPoolName {@code IdentityPoolName}, or {@code null}
         * @param allowUnauthenticatedIdentities {@code AllowUnauthenticatedIdentities}, or {@code null}
         */
        public Request {
            logins = Map.copyOf(logins);
        }
    }

    /**
     * The body of a {@code GetId}.
     *
     * @param identityPoolId the pool
     * @param logins provider name to token, empty for an unauthenticated identity
     * @return the JSON
     */
    public static byte[] getIdRequest(String identityPoolId, Map<String, String> logins) {
        return write(g -> {
            g.writeStringField("IdentityPoolId", identityPoolId);
            writeLogins(g, logins);
        });
    }

    /**
     * The body of a {@code GetCredentialsForIdentity}.
     *
     * @param identityId the identity
     * @param logins provider name to token, empty for an unauthenticated identity
     * @return the JSON
     */
    public static byte[] getCredentialsRequest(String identityId, Map<String, String> logins) {
        return write(g -> {
            g.writeStringField("IdentityId", identityId);
            writeLogins(g, logins);
        });
    }

    /**
     * The body of a {@code CreateIdentityPool}.
     *
     * @param name the pool's name
     * @param allowUnauthenticated whether identities without logins are allowed
     * @return the JSON
     */
    public static byte[] createPoolRequest(String name, boolean allowUnauthenticated) {
        return write(g -> {
            g.writeStringField("IdentityPoolName", name);
            g.writeBooleanField("AllowUnauthenticatedIdentities", allowUnauthenticated);
        });
    }

    /**
     * Reads a request's fields; unknown ones are skipped.
     *
     * @param body the JSON
     * @return the fields
     * @throws IllegalArgumentException when the body is not one JSON object
     */
    public static Request parseRequest(byte[] body) {
        Map<String, String> strings = new LinkedHashMap<>();
        Map<String, String> logins = new LinkedHashMap<>();
        Boolean allow = null;
        if (!JsonFormat.isValidUtf8(body, 0, body.length)) {
            throw new IllegalArgumentException("the body is not valid UTF-8");
        }
        try (JsonParser parser = JsonFormat.STRICT_FACTORY.createParser(body)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT, "the body is not a JSON object");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("Logins") && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String provider = parser.currentName();
                        expect(parser.nextToken() == JsonToken.VALUE_STRING, "Logins values must be strings");
                        logins.put(provider, parser.getText());
                    }
                } else if (name.equals("AllowUnauthenticatedIdentities") && value.isBoolean()) {
                    allow = parser.getBooleanValue();
                } else if (value == JsonToken.VALUE_STRING) {
                    strings.put(name, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
            expect(parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() == null,
                    "the body must be exactly one JSON object");
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not valid JSON");
        }
        return new Request(strings.get("IdentityPoolId"), strings.get("IdentityId"), logins,
                strings.get("IdentityPoolName"), allow);
    }

    /**
     * The answer to a {@code GetId}.
     *
     * @param identityId the identity
     * @return the JSON
     */
    public static byte[] getIdResponse(String identityId) {
        return write(g -> g.writeStringField("IdentityId", identityId));
    }

    /**
     * The answer to a {@code GetCredentialsForIdentity}; the expiration is epoch seconds, as on the wire.
     *
     * @param identityId the identity
     * @param credentials its temporary credentials, with a session token and an expiration
     * @return the JSON
     */
    public static byte[] credentialsResponse(String identityId, AwsCredentials credentials) {
        return write(g -> {
            g.writeStringField("IdentityId", identityId);
            g.writeObjectFieldStart("Credentials");
            g.writeStringField("AccessKeyId", credentials.accessKeyId());
            g.writeStringField("SecretKey", credentials.secretAccessKey());
            g.writeStringField("SessionToken", credentials.sessionToken());
            g.writeFieldName("Expiration");
            g.writeNumber(BigDecimal.valueOf(credentials.expiration().toEpochMilli(), 3));
            g.writeEndObject();
        });
    }

    /**
     * The answer to a {@code CreateIdentityPool}.
     *
     * @param identityPoolId the new pool
     * @param name its name
     * @param allowUnauthenticated whether identities without logins are allowed
     * @return the JSON
     */
    public static byte[] createPoolResponse(String identityPoolId, String name, boolean allowUnauthenticated) {
        return write(g -> {
            g.writeStringField("IdentityPoolId", identityPoolId);
            g.writeStringField("IdentityPoolName", name);
            g.writeBooleanField("AllowUnauthenticatedIdentities", allowUnauthenticated);
        });
    }

    /**
     * An error body, as JSON 1.1 services send it.
     *
     * @param type the error type, for example {@code ResourceNotFoundException}
     * @param message the message
     * @return the JSON
     */
    public static byte[] errorBody(String type, String message) {
        return write(g -> {
            g.writeStringField("__type", type);
            g.writeStringField("message", message);
        });
    }

    /**
     * The {@code IdentityId} of an answer.
     *
     * @param body the JSON
     * @return the identity
     * @throws IllegalArgumentException when it is missing
     */
    public static String identityId(byte[] body) {
        String id = fields(body, false).get("IdentityId");
        if (id == null) {
            throw new IllegalArgumentException("the answer has no IdentityId");
        }
        return id;
    }

    /**
     * The {@code Credentials} of a {@code GetCredentialsForIdentity} answer.
     *
     * @param body the JSON
     * @return the credentials, with their session token and expiration
     * @throws IllegalArgumentException when a field is missing
     */
    public static AwsCredentials credentials(byte[] body) {
        Map<String, String> credentials = fields(body, true);
        String key = credentials.get("AccessKeyId");
        String secret = credentials.get("SecretKey");
        String expiration = credentials.get("Expiration");
        if (key == null || secret == null || expiration == null) {
            throw new IllegalArgumentException("the answer's Credentials lack AccessKeyId, SecretKey or Expiration");
        }
        BigDecimal seconds = new BigDecimal(expiration);
        return new AwsCredentials(key, secret, credentials.get("SessionToken"),
                Instant.ofEpochMilli(seconds.movePointRight(3).longValue()));
    }

    /**
     * The error type of an error body, without a {@code namespace#} prefix.
     *
     * @param body the JSON
     * @return the type, or {@code null}
     */
    public static String errorType(byte[] body) {
        try {
            String type = fields(body, false).get("__type");
            return type == null ? null : type.substring(type.indexOf('#') + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The scalar fields of the top-level object, or of its {@code Credentials} object. */
    private static Map<String, String> fields(byte[] body, boolean credentials) {
        Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(body)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT, "the answer is not a JSON object");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (credentials && name.equals("Credentials") && value == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String inner = parser.currentName();
                        JsonToken innerValue = parser.nextToken();
                        if (innerValue.isScalarValue()) {
                            fields.put(inner, parser.getText());
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else if (!credentials && value.isScalarValue()) {
                    fields.put(name, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the answer is not valid JSON");
        }
        return fields;
    }

    private static void writeLogins(JsonGenerator g, Map<String, String> logins) throws IOException {
        if (logins != null && !logins.isEmpty()) {
            g.writeObjectFieldStart("Logins");
            for (Map.Entry<String, String> login : logins.entrySet()) {
                g.writeStringField(login.getKey(), login.getValue());
            }
            g.writeEndObject();
        }
    }

    private static void expect(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private interface Fields {
        void write(JsonGenerator generator) throws IOException;
    }

    private static byte[] write(Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

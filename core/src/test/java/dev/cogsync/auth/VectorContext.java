package dev.cogsync.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code context.json} of an aws-c-auth test case: credentials, scope, time and the flags that change the
 * result.
 */
record VectorContext(AwsCredentials credentials, String region, String service, Instant timestamp,
        Duration expiresIn, boolean normalize, boolean signBody, boolean omitSessionToken) {

    private static final JsonFactory JSON = new JsonFactory();

    /** The signer this case asks for. */
    SigV4Signer signer() {
        return SigV4Signer.builder()
                .region(region)
                .service(service)
                .normalizePath(normalize)
                .signPayload(signBody)
                .signSessionToken(!omitSessionToken)
                .build();
    }

    static VectorContext parse(byte[] json) throws IOException {
        String accessKeyId = null;
        String secretAccessKey = null;
        String token = null;
        String region = null;
        String service = null;
        Instant timestamp = null;
        Duration expiresIn = null;
        boolean normalize = true;
        boolean signBody = false;
        boolean omitSessionToken = false;
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken next;
            while ((next = parser.nextToken()) != null) {
                if (next != JsonToken.FIELD_NAME) {
                    continue;
                }
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "access_key_id" -> accessKeyId = parser.getText();
                    case "secret_access_key" -> secretAccessKey = parser.getText();
                    case "token" -> token = parser.getText();
                    case "region" -> region = parser.getText();
                    case "service" -> service = parser.getText();
                    case "timestamp" -> timestamp = Instant.parse(parser.getText());
                    case "expiration_in_seconds" -> expiresIn = Duration.ofSeconds(parser.getLongValue());
                    case "normalize" -> normalize = parser.getBooleanValue();
                    case "sign_body" -> signBody = parser.getBooleanValue();
                    case "omit_session_token" -> omitSessionToken = parser.getBooleanValue();
                    case "credentials" -> {
                        // An object: its fields come next in the stream.
                    }
                    default -> throw new IllegalStateException("unexpected field in context.json: " + field);
                }
            }
        }
        return new VectorContext(AwsCredentials.of(accessKeyId, secretAccessKey, token), region, service, timestamp,
                expiresIn, normalize, signBody, omitSessionToken);
    }
}

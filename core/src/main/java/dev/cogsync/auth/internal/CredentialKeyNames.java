package dev.cogsync.auth.internal;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.exception.CredentialsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The names under which one source keeps an access key id, a secret key and a session token, and the one
 * way every key-value source (environment, system properties, profiles) turns them into credentials or
 * into a message that names what is missing and never shows a value.
 *
 * @param accessKeyId the name of the access key id
 * @param secretAccessKey the names of the secret key, preferred first (later ones are legacy spellings)
 * @param sessionToken the name of the session token
 */
public record CredentialKeyNames(String accessKeyId, List<String> secretAccessKey, String sessionToken) {

    /** The environment variables. */
    public static final CredentialKeyNames ENVIRONMENT = new CredentialKeyNames(
            "AWS_ACCESS_KEY_ID", List.of("AWS_SECRET_ACCESS_KEY"), "AWS_SESSION_TOKEN");

    /** The system properties; {@code aws.secretKey} is the AWS SDK for Java 1.x spelling. */
    public static final CredentialKeyNames SYSTEM_PROPERTIES = new CredentialKeyNames(
            "aws.accessKeyId", List.of("aws.secretAccessKey", "aws.secretKey"), "aws.sessionToken");

    /** The properties of a profile in the shared files. */
    public static final CredentialKeyNames PROFILE = new CredentialKeyNames(
            "aws_access_key_id", List.of("aws_secret_access_key"), "aws_session_token");

    /** Requires every name. */
    public CredentialKeyNames {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        secretAccessKey = List.copyOf(secretAccessKey);
        if (secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("secretAccessKey: must name at least one key");
        }
        Objects.requireNonNull(sessionToken, "sessionToken");
    }

    /**
     * Whether both the access key id and the secret key are present.
     *
     * @param lookup finds a value by name; empty when not set or blank
     * @return {@code true} when credentials can be read
     */
    public boolean hasKeyPair(Function<String, Optional<String>> lookup) {
        return lookup.apply(accessKeyId).isPresent() && secret(lookup).isPresent();
    }

    /**
     * Reads the credentials.
     *
     * @param source how the source is named in the message, for example {@code environment}
     * @param lookup finds a value by name; empty when not set or blank
     * @return the credentials, with a session token when one is set
     * @throws CredentialsException {@code "<source>: <name> is not set"}, adding which of the other names are
     *     set when the settings are partial
     */
    public AwsCredentials read(String source, Function<String, Optional<String>> lookup) {
        Optional<String> key = lookup.apply(accessKeyId);
        Optional<String> secret = secret(lookup);
        Optional<String> token = lookup.apply(sessionToken);
        if (key.isPresent() && secret.isPresent()) {
            return new AwsCredentials(key.get(), secret.get(), token.orElse(null));
        }
        List<String> missing = new ArrayList<>();
        List<String> present = new ArrayList<>();
        (key.isPresent() ? present : missing).add(accessKeyId);
        if (secret.isPresent()) {
            secretAccessKey.stream().filter(name -> lookup.apply(name).isPresent()).findFirst().ifPresent(present::add);
        } else {
            missing.add(secretAccessKey.get(0));
        }
        if (token.isPresent()) {
            present.add(sessionToken);
        }
        if (present.isEmpty()) {
            // Nothing at all is set: the source is simply not in use, and the access key id says so.
            throw new CredentialsException(source + ": " + accessKeyId + " is not set");
        }
        throw new CredentialsException(source + ": " + names(missing) + (missing.size() == 1 ? " is" : " are")
                + " not set (" + names(present) + (present.size() == 1 ? " is" : " are") + " set)");
    }

    private Optional<String> secret(Function<String, Optional<String>> lookup) {
        return secretAccessKey.stream().map(lookup).flatMap(Optional::stream).findFirst();
    }

    private static String names(List<String> names) {
        int last = names.size() - 1;
        return last == 0 ? names.get(0) : String.join(", ", names.subList(0, last)) + " and " + names.get(last);
    }
}

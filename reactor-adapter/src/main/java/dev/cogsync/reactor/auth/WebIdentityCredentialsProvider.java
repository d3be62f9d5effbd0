package dev.cogsync.reactor.auth;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.CredentialsCache;
import dev.cogsync.auth.CredentialsDocuments;
import dev.cogsync.auth.CredentialsProvider;
import dev.cogsync.exception.CredentialsException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Credentials for a role assumed with a web identity token: EKS IAM Roles for Service Accounts (IRSA), and any
 * OIDC token in a file. The token file is read afresh for every fetch (Kubernetes rotates it), off the event loop,
 * and exchanged at STS {@code AssumeRoleWithWebIdentity}: an unsigned POST in the Query protocol, answered in XML.
 * Cached by {@link CredentialsCache}.
 *
 * <p>Configured as the AWS SDKs are: {@code AWS_WEB_IDENTITY_TOKEN_FILE}, {@code AWS_ROLE_ARN},
 * {@code AWS_ROLE_SESSION_NAME} (default {@code cogsync-} and the time), the regional STS endpoint of
 * {@code AWS_REGION} (or {@code AWS_DEFAULT_REGION}; the global endpoint without either), replaced by
 * {@code AWS_ENDPOINT_URL_STS} or else {@code AWS_ENDPOINT_URL}.
 */
public final class WebIdentityCredentialsProvider implements CredentialsProvider {

    private static final String SOURCE = "web identity";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final String tokenFile;
    private final String roleArn;
    private final String sessionName;
    private final URI sts;
    private final Clock clock;
    private final CredentialsCache cache;

    private WebIdentityCredentialsProvider(String tokenFile, String roleArn, String sessionName, URI sts,
                                           Clock clock) {
        this.tokenFile = tokenFile;
        this.roleArn = roleArn;
        this.sessionName = sessionName;
        this.sts = sts;
        this.clock = clock;
        this.cache = CredentialsCache.of(this::fetch, clock, SOURCE);
    }

    /**
     * A provider configured from the process environment.
     *
     * @return the provider; it fails with a {@link CredentialsException} when the variables are not set
     */
    public static WebIdentityCredentialsProvider create() {
        return create(System.getenv(), Clock.systemUTC());
    }

    /**
     * A provider configured from the given environment variables.
     *
     * @param environment the variables to read
     * @param clock the clock expirations are compared with
     * @return the provider
     */
    public static WebIdentityCredentialsProvider create(Map<String, String> environment, Clock clock) {
        Function<String, String> env = Map.copyOf(environment)::get;
        return of(blankToNull(env.apply("AWS_WEB_IDENTITY_TOKEN_FILE")), blankToNull(env.apply("AWS_ROLE_ARN")),
                blankToNull(env.apply("AWS_ROLE_SESSION_NAME")), StsEndpoint.resolve(env), clock);
    }

    /**
     * A provider for an explicit role and token file, as a profile's {@code web_identity_token_file} gives them.
     *
     * @param tokenFile the file holding the token, or {@code null} when not configured
     * @param roleArn the role, or {@code null} when not configured
     * @param sessionName the session name, or {@code null} for a generated one
     * @param sts the STS endpoint
     * @param clock the clock
     * @return the provider
     */
    public static WebIdentityCredentialsProvider of(String tokenFile, String roleArn, String sessionName, URI sts,
                                                    Clock clock) {
        return new WebIdentityCredentialsProvider(tokenFile, roleArn, sessionName, sts, clock);
    }

    @Override
    public CompletionStage<AwsCredentials> resolveCredentials() {
        if (tokenFile == null || roleArn == null) {
            return CompletableFuture.failedFuture(new CredentialsException(SOURCE
                    + ": AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN are not both set"));
        }
        return cache.resolveCredentials();
    }

    private CompletableFuture<AwsCredentials> fetch() {
        return Mono.fromCallable(() -> Files.readString(Path.of(tokenFile), StandardCharsets.UTF_8).strip())
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(e -> new CredentialsException(SOURCE + ": cannot read the token file ("
                        + e.getClass().getSimpleName() + ")", e))
                .flatMap(token -> CredentialsHttp.SHARED.exchange("POST", sts,
                        Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8",
                                "Accept", "text/xml"), form(token), TIMEOUT))
                .map(response -> {
                    if (!response.isSuccess()) {
                        String code = CredentialsDocuments.stsErrorCode(response.body());
                        throw new CredentialsException(SOURCE + ": STS AssumeRoleWithWebIdentity answered HTTP "
                                + response.status() + (code == null ? "" : " " + code));
                    }
                    return CredentialsDocuments.fromStsXml(response.body(), SOURCE);
                })
                .onErrorMap(e -> !(e instanceof CredentialsException),
                        e -> new CredentialsException(SOURCE + ": STS unreachable at " + sts + " ("
                                + e.getClass().getSimpleName() + ")", e))
                .toFuture();
    }

    private byte[] form(String token) {
        String session = sessionName != null ? sessionName : "cogsync-" + clock.millis();
        return ("Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=" + encode(roleArn)
                + "&RoleSessionName=" + encode(session) + "&WebIdentityToken=" + encode(token))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "WebIdentityCredentialsProvider[" + (roleArn == null ? "not configured" : roleArn + " via " + sts)
                + "]";
    }
}

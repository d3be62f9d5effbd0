package dev.cogsync.reactor.auth;

import dev.cogsync.auth.AwsCredentials;
import dev.cogsync.auth.CredentialsCache;
import dev.cogsync.auth.CredentialsDocuments;
import dev.cogsync.auth.CredentialsProvider;
import dev.cogsync.auth.SigV4Signer;
import dev.cogsync.exception.CredentialsException;
import dev.cogsync.protocol.HttpHeader;
import dev.cogsync.protocol.WireRequest;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Credentials of a role assumed with other credentials: a profile's {@code role_arn} with {@code source_profile}
 * or {@code credential_source}. Calls STS {@code AssumeRole} (Query protocol, signed with SigV4 by the source
 * credentials, answered in XML) and caches the role's credentials with {@link CredentialsCache}.
 */
public final class AssumeRoleCredentialsProvider implements CredentialsProvider {

    private static final String SOURCE = "assume role";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final CredentialsProvider source;
    private final String roleArn;
    private final String sessionName;
    private final String externalId;
    private final URI sts;
    private final SigV4Signer signer;
    private final Clock clock;
    private final CredentialsCache cache;

    private AssumeRoleCredentialsProvider(CredentialsProvider source, String roleArn, String sessionName,
                                          String externalId, URI sts, String signingRegion, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.roleArn = Objects.requireNonNull(roleArn, "roleArn");
        this.sessionName = sessionName;
        this.externalId = externalId;
        this.sts = Objects.requireNonNull(sts, "sts");
        this.signer = SigV4Signer.create(Objects.requireNonNull(signingRegion, "signingRegion"), "sts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = CredentialsCache.of(this::fetch, clock, SOURCE + " " + roleArn);
    }

    /**
     * A provider that assumes a role.
     *
     * @param source the credentials that sign the AssumeRole call
     * @param roleArn the role
     * @param sessionName the session name, or {@code null} for {@code cogsync-} and the time
     * @param externalId the external id the role's trust policy asks for, or {@code null}
     * @param sts the STS endpoint
     * @param signingRegion the region STS signatures are scoped to
     * @param clock the clock that dates signatures and compares expirations
     * @return the provider
     */
    public static AssumeRoleCredentialsProvider of(CredentialsProvider source, String roleArn, String sessionName,
                                                   String externalId, URI sts, String signingRegion, Clock clock) {
        return new AssumeRoleCredentialsProvider(source, roleArn, sessionName, externalId, sts, signingRegion,
                clock);
    }

    @Override
    public CompletionStage<AwsCredentials> resolveCredentials() {
        return cache.resolveCredentials();
    }

    private CompletableFuture<AwsCredentials> fetch() {
        return Mono.fromCompletionStage(source::resolveCredentials)
                .flatMap(credentials -> {
                    WireRequest signed = signer.sign(request(), credentials, clock.instant()).request();
                    Map<String, String> headers = new LinkedHashMap<>();
                    signed.headers().forEach(header -> headers.put(header.name(), header.value()));
                    return CredentialsHttp.SHARED.exchange("POST", sts, headers, signed.body(), TIMEOUT);
                })
                .map(response -> {
                    if (!response.isSuccess()) {
                        String code = CredentialsDocuments.stsErrorCode(response.body());
                        throw new CredentialsException(SOURCE + ": STS AssumeRole answered HTTP " + response.status()
                                + (code == null ? "" : " " + code));
                    }
                    return CredentialsDocuments.fromStsXml(response.body(), SOURCE);
                })
                .onErrorMap(e -> !(e instanceof CredentialsException),
                        e -> new CredentialsException(SOURCE + ": STS unreachable at " + sts + " ("
                                + e.getClass().getSimpleName() + ")", e))
                .toFuture();
    }

    private WireRequest request() {
        String session = sessionName != null ? sessionName : "cogsync-" + clock.millis();
        String form = "Action=AssumeRole&Version=2011-06-15&RoleArn=" + encode(roleArn) + "&RoleSessionName="
                + encode(session) + (externalId == null ? "" : "&ExternalId=" + encode(externalId));
        String host = sts.getHost() + (sts.getPort() == -1 ? "" : ":" + sts.getPort());
        return new WireRequest("POST", sts.getRawPath() == null || sts.getRawPath().isEmpty() ? "/" : sts.getRawPath(),
                "", List.of(new HttpHeader("Host", host),
                new HttpHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")),
                form.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "AssumeRoleCredentialsProvider[" + roleArn + " via " + sts + "]";
    }
}

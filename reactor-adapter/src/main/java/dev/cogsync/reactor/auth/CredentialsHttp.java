package dev.cogsync.reactor.auth;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * The HTTP that credential sources need (instance metadata, container endpoints, STS, Cognito Identity): one
 * small connection pool of its own, separate from any Cognito Sync client's, with a 1 s connect timeout and no
 * transparent retry. Bodies are copied off the network buffers before anything else sees them.
 */
final class CredentialsHttp {

    /** A whole response. */
    record Response(int status, Function<String, String> headers, byte[] body) {
        boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    static final CredentialsHttp SHARED = new CredentialsHttp();

    private final HttpClient http;

    private CredentialsHttp() {
        ConnectionProvider pool = ConnectionProvider.builder("cogsync-credentials").maxConnections(16)
                .pendingAcquireMaxCount(1024).maxIdleTime(Duration.ofSeconds(10)).build();
        this.http = HttpClient.create(pool).disableRetry(true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000);
    }

    /**
     * One exchange.
     *
     * @param method the HTTP method
     * @param uri the absolute URI
     * @param headers headers to send
     * @param body the body, or {@code null}
     * @param timeout the response timeout
     * @return the response
     */
    Mono<Response> exchange(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
        return http.headers(h -> headers.forEach(h::set))
                .responseTimeout(timeout)
                .request(HttpMethod.valueOf(method))
                .uri(uri.toString())
                .send((request, outbound) -> body == null ? outbound : outbound.sendByteArray(Mono.just(body)))
                .responseSingle((response, content) -> content.asByteArray().defaultIfEmpty(new byte[0])
                        .map(bytes -> new Response(response.status().code(), response.responseHeaders()::get,
                                bytes)));
    }
}

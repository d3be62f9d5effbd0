package dev.cogsync.reactor.internal;

import dev.cogsync.protocol.HttpHeader;
import dev.cogsync.protocol.WireRequest;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The {@link Transport} over a Reactor Netty {@link HttpClient}: sends the signed request as it is, with the
 * user agent and content length, and copies the whole response body into a byte array, which releases every
 * network buffer, error responses included.
 */
public final class ReactorNettyTransport implements Transport {

    private static final byte[] NO_BODY = new byte[0];

    private final HttpClient client;
    private final String userAgent;

    /**
     * Creates the transport.
     *
     * @param client a client configured with the endpoint's host, port and security: requests go to relative
     *     URIs, which also spares parsing a URI per request (and Reactor Netty's URI parsing does not take
     *     one-digit ports); this transport never disposes it
     * @param userAgent the {@code User-Agent} header value
     */
    public ReactorNettyTransport(HttpClient client, String userAgent) {
        this.client = client;
        this.userAgent = userAgent;
    }

    @Override
    public Mono<HttpResult> exchange(WireRequest request) {
        byte[] body = request.body();
        return client.request(HttpMethod.valueOf(request.method()))
                .uri(request.pathAndQuery())
                .send((outbound, out) -> {
                    HttpHeaders headers = outbound.requestHeaders();
                    // set, not add: Reactor Netty has already put its own Host and User-Agent there, and the
                    // signature covers ours.
                    for (HttpHeader header : request.headers()) {
                        headers.set(header.name(), header.value());
                    }
                    headers.set(HttpHeaderNames.USER_AGENT, userAgent);
                    if (body.length == 0) {
                        return out;
                    }
                    headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                    return out.send(Mono.just(Unpooled.wrappedBuffer(body)));
                })
                .responseSingle((response, content) -> content.asByteArray()
                        .defaultIfEmpty(NO_BODY)
                        .map(bytes -> new HttpResult(response.status().code(), response.responseHeaders()::get,
                                bytes)));
    }
}

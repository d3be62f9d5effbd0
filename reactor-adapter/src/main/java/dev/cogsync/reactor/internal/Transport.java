package dev.cogsync.reactor.internal;

import dev.cogsync.protocol.WireRequest;
import reactor.core.publisher.Mono;

/**
 * One HTTP exchange, the only place the client touches the network. Kept as a seam so that the retry and
 * timeout logic can be tested on virtual time with a scripted transport.
 */
@FunctionalInterface
public interface Transport {

    /**
     * Sends a signed request and reads the whole response.
     *
     * <p>Lazy: nothing is sent before subscription. Cancelling aborts the exchange. Network failures surface
     * as the raw I/O exceptions; {@link TransportFailures} classifies them.
     *
     * @param request the signed request, with every header to send
     * @return the response
     */
    Mono<HttpResult> exchange(WireRequest request);
}

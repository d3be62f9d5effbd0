package dev.cogsync.emulator.internal;

import dev.cogsync.emulator.ApiOperation;
import dev.cogsync.emulator.EmulatorCounters;
import dev.cogsync.protocol.ErrorResponseCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;

/**
 * The Reactor Netty handler: aggregates the body once into a byte array, runs the {@link RequestProcessor}, and
 * writes each answer once with its length, {@code Content-Type}, {@code x-amzn-RequestId} and, for errors,
 * {@code x-amzn-ErrorType}. Injected latency is a {@link Mono#delay}; nothing here blocks.
 */
final class HttpFrontEnd implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFrontEnd.class);
    private static final byte[] NO_BODY = new byte[0];
    private static final AsciiString REQUEST_ID = AsciiString.cached(ErrorResponseCodec.REQUEST_ID_HEADER);
    private static final AsciiString ERROR_TYPE = AsciiString.cached(ErrorResponseCodec.ERROR_TYPE_HEADER);

    private final RequestProcessor processor;
    private final Counters counters;

    HttpFrontEnd(RequestProcessor processor, Counters counters) {
        this.processor = processor;
        this.counters = counters;
    }

    /** Bodies over the limit never get here: {@link ConnectionGuard} answers 413 while they arrive. */
    @Override
    public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
        return request.receive().aggregate().asByteArray()
                .defaultIfEmpty(NO_BODY)
                .flatMap(body -> handle(request, response, body))
                .onErrorResume(error -> internalError(response, error));
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response, byte[] body) {
        ReceivedRequest received = ReceivedRequest.of(request.method().name(), request.uri(),
                request.requestHeaders(), body);
        Admission admission = processor.admit(received);
        if (admission.reply() != null) {
            return send(response, admission.reply());
        }
        if (admission.faults().delayed()) {
            return Mono.delay(admission.faults().delay())
                    .then(Mono.defer(() -> send(response, execute(admission))));
        }
        return send(response, execute(admission));
    }

    private Reply execute(Admission admission) {
        try {
            return processor.execute(admission);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure in {}; answering 500", admission.operation().apiName(), e);
            return Reply.error(admission.operation(), 500, "InternalErrorException", "An internal error occurred");
        }
    }

    private Mono<Void> send(HttpServerResponse response, Reply reply) {
        if (reply.close()) {
            counters.request(reply.operation(), EmulatorCounters.NO_RESPONSE);
            return Mono.fromRunnable(() -> response.withConnection(connection -> connection.channel().close()));
        }
        counters.request(reply.operation(), reply.status());
        response.status(HttpResponseStatus.valueOf(reply.status()))
                .header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(reply.body().length))
                .header(REQUEST_ID, requestId());
        if (reply.errorCode() != null) {
            response.header(ERROR_TYPE, reply.errorCode());
        }
        return response.sendByteArray(Mono.just(reply.body())).then();
    }

    private Mono<Void> internalError(HttpServerResponse response, Throwable error) {
        if (error instanceof IOException || error instanceof AbortedException) {
            // The client went away (a reset, a cancelled request): nobody is left to answer, and it is no bug.
            LOG.debug("Connection lost while serving a request", error);
            return Mono.empty();
        }
        LOG.error("Unexpected failure while serving a request; answering 500", error);
        if (response.hasSentHeaders()) {
            return Mono.empty();
        }
        return send(response, Reply.error(ApiOperation.UNKNOWN, 500, "InternalErrorException",
                "An internal error occurred"));
    }

    /** A random UUID from {@link ThreadLocalRandom}: {@link UUID#randomUUID()} may block on entropy. */
    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}

package dev.cogsync.emulator.internal;

import dev.cogsync.emulator.ConnectionLimits;
import dev.cogsync.protocol.ErrorResponseCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Guards one connection, right behind the HTTP codec, against what a peer can do without signing anything:
 * <ul>
 *   <li>too many connections: one past {@link ConnectionLimits#maxConnections()} is answered 503 and closed;</li>
 *   <li>slow headers: a request's headers must be complete within {@link ConnectionLimits#headerTimeout()} of the
 *       connection opening, or of its first byte on a kept-alive connection; otherwise 408 and close;</li>
 *   <li>oversized bodies, chunked or not: counted as they arrive, 413 and close past
 *       {@link ConnectionLimits#maxBodyBytes()}, so nothing beyond the limit is ever buffered;</li>
 *   <li>requests the codec cannot decode (headers or request line too long, malformed): 431, 414 or 400 and close,
 *       answered here so that the framework never logs the request's headers.</li>
 * </ul>
 * Each refusal writes at most one rate-limited log line. Confined to the connection's event loop.
 */
final class ConnectionGuard extends ChannelDuplexHandler {

    private final ConnectionLimits limits;
    private final AtomicInteger open;
    private final RefusalLog log;
    private ScheduledFuture<?> headerDeadline;
    private boolean inRequest;
    private boolean refusing;
    private long bodyBytes;

    ConnectionGuard(ConnectionLimits limits, AtomicInteger open, RefusalLog log) {
        this.limits = limits;
        this.open = open;
        this.log = log;
    }

    /** Notices the first bytes of a request, ahead of the codec: the header deadline starts then. */
    ChannelInboundHandlerAdapter byteWatcher() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (!inRequest && headerDeadline == null && msg instanceof ByteBuf) {
                    armHeaderDeadline(ctx);
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (open.incrementAndGet() > limits.maxConnections()) {
            refuse(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "ServiceUnavailableException",
                    "Too many connections: the emulator serves at most " + limits.maxConnections() + " at once");
            return;
        }
        armHeaderDeadline(ctx);
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        open.decrementAndGet();
        cancelHeaderDeadline();
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refusing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            cancelHeaderDeadline();
            inRequest = true;
            bodyBytes = 0;
            if (request.decoderResult().isFailure()) {
                ReferenceCountUtil.release(msg);
                refuseUndecodable(ctx, request.decoderResult().cause());
                return;
            }
            long length = HttpUtil.getContentLength(request, -1L);
            if (length > limits.maxBodyBytes()) {
                ReferenceCountUtil.release(msg);
                refuseTooLarge(ctx, length);
                return;
            }
        }
        if (msg instanceof HttpContent content) {
            if (content.decoderResult().isFailure()) {
                ReferenceCountUtil.release(msg);
                refuseUndecodable(ctx, content.decoderResult().cause());
                return;
            }
            bodyBytes += content.content().readableBytes();
            if (bodyBytes > limits.maxBodyBytes()) {
                ReferenceCountUtil.release(msg);
                refuseTooLarge(ctx, bodyBytes);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof LastHttpContent) {
            // The response is complete: the next request's deadline starts with its first byte.
            inRequest = false;
        }
        super.write(ctx, msg, promise);
    }

    private void armHeaderDeadline(ChannelHandlerContext ctx) {
        cancelHeaderDeadline();
        headerDeadline = ctx.executor().schedule(() -> {
            headerDeadline = null;
            if (!inRequest && ctx.channel().isActive()) {
                refuse(ctx, HttpResponseStatus.REQUEST_TIMEOUT, "RequestTimeoutException",
                        "The request's headers did not arrive within " + limits.headerTimeout());
            }
        }, limits.headerTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void cancelHeaderDeadline() {
        if (headerDeadline != null) {
            headerDeadline.cancel(false);
            headerDeadline = null;
        }
    }

    private void refuseUndecodable(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongHttpHeaderException) {
            refuse(ctx, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "RequestHeaderFieldsTooLargeException",
                    "The request's headers are too large");
        } else if (cause instanceof TooLongHttpLineException || cause instanceof TooLongFrameException) {
            refuse(ctx, HttpResponseStatus.REQUEST_URI_TOO_LONG, "RequestUriTooLongException",
                    "The request line is too long");
        } else {
            refuse(ctx, HttpResponseStatus.BAD_REQUEST, "BadRequestException", "The request is not valid HTTP");
        }
    }

    private void refuseTooLarge(ChannelHandlerContext ctx, long bytes) {
        refuse(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "RequestEntityTooLargeException",
                "Request body of at least " + bytes + " bytes is over the limit of " + limits.maxBodyBytes());
    }

    /** Answers once, closes the connection, and drops whatever else the peer sends. */
    private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String code, String message) {
        if (refusing) {
            return;
        }
        refusing = true;
        cancelHeaderDeadline();
        log.refused(ctx.channel().remoteAddress(), status.code(), code);
        byte[] body = ErrorResponseCodec.encodeBody(message);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(ErrorResponseCodec.ERROR_TYPE_HEADER, code)
                .set(ErrorResponseCodec.REQUEST_ID_HEADER, HttpFrontEnd.requestId());
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}

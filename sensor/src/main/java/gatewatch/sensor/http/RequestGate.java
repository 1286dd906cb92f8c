package gatewatch.sensor.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * Decides at a request's headers, before a byte of its body is held, whether the body may come:
 * a body on a route that takes none is refused (404 unknown path, 405 wrong method, 413 a body on
 * {@code GET}), a {@code Content-Length} over {@code max_request_bytes} is 413, and one that
 * would pass the endpoint's {@link Budget} of buffered bytes is 503. A chunked body is counted
 * against the budget as it arrives. The bytes a request holds are given back once it is answered.
 *
 * <p>A refusal closes the connection the lingering way: the answer, then the output shut, then the
 * rest of the body read and dropped until the client closes or the request deadline passes, so
 * the client reads the answer instead of a reset.
 */
final class RequestGate extends ChannelDuplexHandler {
    private final boolean scoreApi;
    private final int maxRequestBytes;
    private final Budget buffered;
    private final HttpEvents events;
    private final RequestDeadlines deadlines;
    /** Bytes taken by each request read in full and not answered yet, in request order. */
    private final ArrayDeque<Long> held = new ArrayDeque<>();
    /** Bytes taken by the request being read. */
    private long current;
    /** The request being read has no Content-Length: its body is counted as it arrives. */
    private boolean counting;
    private int unanswered;
    private boolean refusing;
    /** A refusal waiting for the answers to earlier pipelined requests. */
    private FullHttpResponse deferred;

    RequestGate(boolean scoreApi, int maxRequestBytes, Budget buffered, HttpEvents events, RequestDeadlines deadlines) {
        this.scoreApi = scoreApi;
        this.maxRequestBytes = maxRequestBytes;
        this.buffered = buffered;
        this.events = events;
        this.deadlines = deadlines;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refusing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()) {
            FullHttpResponse refusal = admit(ctx, request);
            if (refusal != null) {
                ReferenceCountUtil.release(msg);
                refuse(ctx, refusal);
                return;
            }
        }
        if (counting && msg instanceof HttpContent content) {
            int n = content.content().readableBytes();
            if (!buffered.tryReserve(n)) {
                ReferenceCountUtil.release(msg);
                refuse(ctx, busy(ctx));
                return;
            }
            current += n;
        }
        if (msg instanceof LastHttpContent) {
            held.add(current);
            current = 0;
            counting = false;
            unanswered++;
        }
        ctx.fireChannelRead(msg);
    }

    /** Null to let the request in (its declared body, if any, taken from the budget), else the refusal. */
    private FullHttpResponse admit(ChannelHandlerContext ctx, HttpRequest request) {
        boolean chunked = HttpUtil.isTransferEncodingChunked(request);
        long length;
        try {
            length = HttpUtil.getContentLength(request, 0L);
        } catch (NumberFormatException e) {
            return null; // the codec has marked it failed already; the router answers 400
        }
        if (!chunked && length == 0) {
            return null;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        HttpMethod method = Router.methodOf(path, scoreApi);
        if (method == null || !method.equals(request.method()) || method.equals(HttpMethod.GET)) {
            events.record(HttpEvent.BODY_REFUSED, ctx.channel().remoteAddress(), null);
            if (method == null) {
                return Router.notFound(path, scoreApi);
            }
            return method.equals(request.method())
                    ? Responses.text(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                            method.name() + " " + path + " takes no request body")
                    : Responses.methodNotAllowed(request.method().name(), path, method.name());
        }
        if (chunked) {
            counting = true;
            return null;
        }
        if (length > maxRequestBytes) {
            events.record(HttpEvent.TOO_LARGE, ctx.channel().remoteAddress(), null);
            return BoundedAggregator.tooLarge(maxRequestBytes);
        }
        if (!buffered.tryReserve(length)) {
            return busy(ctx);
        }
        current = length;
        return null;
    }

    private FullHttpResponse busy(ChannelHandlerContext ctx) {
        events.record(HttpEvent.BUFFER_FULL, ctx.channel().remoteAddress(),
                buffered.used() + " of " + buffered.max() + " bytes held");
        return Responses.text(HttpResponseStatus.SERVICE_UNAVAILABLE, "the endpoint holds its limit of "
                + buffered.max() + " request bytes (metrics.max_buffered_bytes); retry shortly");
    }

    private void refuse(ChannelHandlerContext ctx, FullHttpResponse refusal) {
        refusing = true;
        deadlines.refused();
        Responses.closing(refusal);
        if (unanswered > 0) {
            deferred = refusal; // HTTP/1.1 answers in order: after the requests before it
        } else {
            send(ctx, refusal);
        }
    }

    private static void send(ChannelHandlerContext ctx, FullHttpResponse refusal) {
        ctx.writeAndFlush(refusal).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess() && f.channel() instanceof SocketChannel socket) {
                socket.shutdownOutput();
                socket.config().setAutoRead(true); // read to the client's close, dropping what comes
            } else {
                f.channel().close();
            }
        });
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ctx.write(msg, promise);
        if (Responses.isFinalEnd(msg) && unanswered > 0) {
            unanswered--;
            buffered.release(held.remove());
            if (unanswered == 0 && deferred != null) {
                FullHttpResponse refusal = deferred;
                deferred = null;
                ctx.executor().execute(() -> send(ctx, refusal));
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseAll();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseAll();
    }

    private void releaseAll() {
        buffered.release(current);
        current = 0;
        Long n;
        while ((n = held.poll()) != null) {
            buffered.release(n);
        }
        if (deferred != null) {
            deferred.release();
            deferred = null;
        }
    }
}

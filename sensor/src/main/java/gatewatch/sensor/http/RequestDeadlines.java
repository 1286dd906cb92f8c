package gatewatch.sensor.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Deadlines that do not move: a request's headers must be in within {@code headerTimeout}, and
 * the whole request within {@code requestTimeout}, both counted from accept for the first request
 * and from the first byte of each later one; a keep-alive connection with nothing in progress is
 * closed after {@code idleTimeout}. Netty's read timeout restarts with every byte, so a client
 * trickling a byte a second held a connection for ever; here it is closed at the header deadline.
 *
 * <p>Sits after the HTTP codec, which tells it where headers and requests end; {@link #bytes()}
 * sits before the codec and tells it when the first byte of a later request arrives. Also counts
 * a request its client abandoned (the connection closed before the request's end).
 */
final class RequestDeadlines extends ChannelDuplexHandler {
    private final HttpServerConfig.Limits limits;
    private final HttpEvents events;
    private final Evictable evictable;
    private ChannelHandlerContext ctx;
    private Future<?> header;
    private Future<?> request;
    private Future<?> idle;
    /** Bytes of a request (or a connection just accepted) whose end has not been read. */
    private boolean inRequest;
    /** Some byte of the request in progress has arrived (an accepted connection may have sent none). */
    private boolean requestBytes;
    /** Requests read in full and not answered yet. */
    private int unanswered;
    /** The request in progress was refused at its headers; its end will never be read. */
    private boolean refused;

    /** Fired into a connection to close it for a newer one, if it still has no request in hand. */
    static final Object EVICT = new Object();

    RequestDeadlines(HttpServerConfig.Limits limits, HttpEvents events, Evictable evictable) {
        this.limits = limits;
        this.events = events;
        this.evictable = evictable;
    }

    /** The handler to put before the codec: it only notices that bytes arrived. */
    ChannelHandler bytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext c, Object msg) {
                if (msg instanceof ByteBuf b && b.isReadable()) {
                    bytesArrived();
                }
                c.fireChannelRead(msg);
            }
        };
    }

    /**
     * Told by {@link RequestGate}: the request in progress has been answered without reading its
     * body. The connection only lingers until the client closes, so it may give way to a new one.
     */
    void refused() {
        refused = true;
        evictable.waiting(ctx.channel());
    }

    @Override
    public void handlerAdded(ChannelHandlerContext c) {
        ctx = c;
        if (c.channel().isActive()) {
            startRequest();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext c) {
        if (!inRequest) {
            startRequest();
        }
        c.fireChannelActive();
    }

    private void bytesArrived() {
        if (!inRequest) {
            startRequest();
        }
        requestBytes = true;
    }

    private void startRequest() {
        inRequest = true;
        requestBytes = false;
        idle = cancel(idle);
        evictable.waiting(ctx.channel());
        header = schedule(limits.headerTimeout(), HttpEvent.HEADER_TIMEOUT);
        request = schedule(limits.requestTimeout(), HttpEvent.REQUEST_TIMEOUT);
    }

    @Override
    public void channelRead(ChannelHandlerContext c, Object msg) {
        if (msg instanceof HttpRequest r) {
            header = cancel(header);
            if (r.decoderResult().isFailure()) {
                refused = true; // unreadable: the router answers 400 and closes, nothing was abandoned
            }
        }
        // A refused request keeps its request deadline: it bounds the lingering close.
        if (msg instanceof LastHttpContent last && !refused) {
            if (last.decoderResult().cause() instanceof PrematureChannelClosureException) {
                events.record(HttpEvent.ABORTED, c.channel().remoteAddress(), "the connection closed mid-request");
                refused = true; // counted once: the close that follows is the same abandonment
            } else {
                endRequest();
                unanswered++;
            }
        }
        c.fireChannelRead(msg);
    }

    private void endRequest() {
        header = cancel(header);
        request = cancel(request);
        inRequest = false;
        evictable.busy(ctx.channel());
    }

    @Override
    public void write(ChannelHandlerContext c, Object msg, ChannelPromise promise) {
        boolean last = Responses.isFinalEnd(msg);
        c.write(msg, promise);
        if (last && unanswered > 0 && --unanswered == 0 && !inRequest) {
            idle = schedule(limits.idleTimeout(), HttpEvent.IDLE_TIMEOUT);
            evictable.waiting(c.channel());
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext c, Object evt) {
        if (evt != EVICT) {
            c.fireUserEventTriggered(evt);
            return;
        }
        // Its request may have come in full since it was picked: a request in hand is never dropped.
        if (inRequest || idle != null || refused) {
            events.record(HttpEvent.EVICTED, c.channel().remoteAddress(), null);
            cancelAll();
            c.channel().config().setOption(io.netty.channel.ChannelOption.SO_LINGER, 0);
            c.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext c) {
        if (inRequest && requestBytes && !refused) {
            events.record(HttpEvent.ABORTED, c.channel().remoteAddress(), "the connection closed mid-request");
        }
        cancelAll();
        c.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext c) {
        cancelAll();
    }

    private void cancelAll() {
        inRequest = false;
        evictable.busy(ctx.channel());
        header = cancel(header);
        request = cancel(request);
        idle = cancel(idle);
    }

    private Future<?> schedule(Duration after, HttpEvent event) {
        return ctx.executor().schedule(() -> expire(event), after.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void expire(HttpEvent event) {
        if (!ctx.channel().isActive()) {
            return;
        }
        events.record(event, ctx.channel().remoteAddress(), null);
        cancelAll(); // closed by us: not an abandoned request
        ctx.close();
    }

    private static Future<?> cancel(Future<?> f) {
        if (f != null) {
            f.cancel(false);
        }
        return null;
    }
}

package gatewatch.sensor.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * Hands the responders one request at a time, the next only once the previous one's response is
 * written. HTTP/1.1 answers in request order, and a scoring request is answered from another
 * thread, so a pipelined {@code /metrics} behind it must wait rather than overtake it. While
 * requests wait, reading stops, so a client cannot pile them up.
 */
final class InOrderResponses extends ChannelDuplexHandler {
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    private boolean busy;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (busy || !waiting.isEmpty()) {
            waiting.add(msg);
            ctx.channel().config().setAutoRead(false);
            return;
        }
        busy = true;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean last = msg instanceof LastHttpContent;
        ctx.write(msg, promise);
        if (last) {
            busy = false;
            // Later, not here: this write may run inside the previous request's channelRead.
            ctx.executor().execute(() -> next(ctx));
        }
    }

    private void next(ChannelHandlerContext ctx) {
        if (busy || ctx.isRemoved()) {
            return;
        }
        Object msg = waiting.poll();
        if (msg == null) {
            ctx.channel().config().setAutoRead(true);
            return;
        }
        busy = true;
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseWaiting();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseWaiting();
    }

    private void releaseWaiting() {
        Object msg;
        while ((msg = waiting.poll()) != null) {
            ReferenceCountUtil.release(msg);
        }
    }
}

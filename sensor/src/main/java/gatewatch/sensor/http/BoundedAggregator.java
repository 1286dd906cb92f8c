package gatewatch.sensor.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Netty's aggregator with a message on its 413: Netty's own has an empty body, which leaves a
 * client guessing which limit it hit. Otherwise it behaves as Netty's: a keep-alive request stays
 * open (the rest of its body is read and discarded), anything else is closed after the answer.
 */
final class BoundedAggregator extends HttpObjectAggregator {
    private final int maxBytes;

    BoundedAggregator(int maxBytes) {
        super(maxBytes);
        this.maxBytes = maxBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (!(oversized instanceof HttpRequest)) {
            super.handleOversizedMessage(ctx, oversized);
            return;
        }
        boolean close = oversized instanceof FullHttpMessage
                || !HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized);
        if (close) {
            ctx.writeAndFlush(Responses.closing(tooLarge())).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(tooLarge()).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object answer = super.newContinueResponse(start, maxContentLength, pipeline);
        if (answer instanceof FullHttpResponse r && r.status().equals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE)) {
            r.release();
            return tooLarge();
        }
        return answer;
    }

    private FullHttpResponse tooLarge() {
        return tooLarge(maxBytes);
    }

    static FullHttpResponse tooLarge(int maxBytes) {
        return Responses.text(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "request body larger than " + maxBytes + " bytes (metrics.max_request_bytes)");
    }
}

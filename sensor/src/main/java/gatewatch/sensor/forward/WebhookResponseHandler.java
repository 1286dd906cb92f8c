package gatewatch.sensor.forward;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;

/** Hands each webhook response and the loss of the connection to the {@link WebhookBatcher}. */
final class WebhookResponseHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
    private final WebhookBatcher batcher;

    WebhookResponseHandler(WebhookBatcher batcher) {
        super(FullHttpResponse.class);
        this.batcher = batcher;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.fireChannelActive();
        batcher.pump();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
        batcher.onResponse(ctx.channel(), response);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        batcher.connectionLost();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // a broken response or connection: channelInactive settles the rest
    }
}

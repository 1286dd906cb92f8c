package gatewatch.sensor.forward;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** Tells the {@link Reconnector} when the connection comes up and when it is gone. */
final class ReconnectHandler extends ChannelInboundHandlerAdapter {
    private final Reconnector reconnector;
    private final ForwarderCounters counters;

    ReconnectHandler(Reconnector reconnector, ForwarderCounters counters) {
        this.reconnector = reconnector;
        this.counters = counters;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        counters.addConnect();
        reconnector.connected(ctx.channel());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        reconnector.disconnected(ctx.channel());
        ctx.fireChannelInactive();
    }
}

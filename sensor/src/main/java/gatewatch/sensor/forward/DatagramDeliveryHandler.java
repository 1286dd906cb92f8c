package gatewatch.sensor.forward;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last in the UDP forwarder's pipeline: sends alerts from the {@link Outbox} while the channel is
 * writable. UDP has no acknowledgement, so an alert counts as sent once the kernel took its
 * datagram, and a datagram the kernel refused counts as a {@link FailureCause#SEND_ERROR}
 * (logged once per run of failures). Event loop only.
 */
final class DatagramDeliveryHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(DatagramDeliveryHandler.class);

    private final String name;
    private final Outbox outbox;
    private final ChannelFutureListener settle;
    private ChannelHandlerContext ctx;
    private boolean failing;

    DatagramDeliveryHandler(String name, Outbox outbox) {
        this.name = name;
        this.outbox = outbox;
        this.settle = f -> {
            if (f.isSuccess()) {
                failing = false;
                this.outbox.delivered(1);
            } else {
                if (!failing) {
                    failing = true;
                    log.warn("forwarder {}: the kernel refuses syslog datagrams ({}); counting them as failed", this.name, f.cause().toString());
                }
                this.outbox.failed(FailureCause.SEND_ERROR, 1);
            }
        };
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.fireChannelActive();
        pump();
    }

    void pump() {
        if (ctx == null || !ctx.channel().isActive()) {
            return;
        }
        boolean wrote = false;
        ForwardedAlert alert;
        while (ctx.channel().isWritable() && (alert = outbox.next()) != null) {
            ctx.write(alert).addListener(settle);
            wrote = true;
        }
        if (wrote) {
            ctx.flush();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        pump();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("forwarder {}: datagram channel error: {}", name, cause.toString());
    }
}

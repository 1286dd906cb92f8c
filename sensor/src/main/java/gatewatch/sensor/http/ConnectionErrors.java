package gatewatch.sensor.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the pipeline: whatever went wrong on a connection closes it. A client going away is
 * routine (debug; {@link RequestDeadlines} counts it when a request was cut off); anything else is
 * counted and logged as an {@link HttpEvent#FAILED}, a line at most every few seconds, with the
 * stack trace at debug only: a flood of broken clients must not flood the journal.
 */
@ChannelHandler.Sharable
final class ConnectionErrors extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionErrors.class);

    private final HttpEvents events;

    ConnectionErrors(HttpEvents events) {
        this.events = events;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("HTTP connection {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            events.record(HttpEvent.FAILED, ctx.channel().remoteAddress(), cause.toString());
            LOG.debug("HTTP connection {} failed", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }
}

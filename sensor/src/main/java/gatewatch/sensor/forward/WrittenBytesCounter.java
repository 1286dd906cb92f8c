package gatewatch.sensor.forward;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * First in the pipeline, next to the socket: counts the bytes written to the connection, so that
 * the handler at the other end knows at which stream offset each alert ends, and the bytes the
 * kernel took. One per connection; event loop only.
 */
final class WrittenBytesCounter extends ChannelOutboundHandlerAdapter {
    private long written;
    private long accepted;

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf) {
            int n = buf.readableBytes();
            written += n;
            promise = promise.unvoid();
            promise.addListener(f -> {
                if (f.isSuccess()) {
                    accepted += n;
                }
            });
        }
        ctx.write(msg, promise);
    }

    /** Bytes written into the pipeline so far: the stream offset after the last write. */
    long written() {
        return written;
    }

    /** Bytes the kernel accepted for sending. */
    long accepted() {
        return accepted;
    }
}

package gatewatch.sensor.forward.syslog;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 6587 section 3.4.1 octet counting: {@code MSG-LEN SP SYSLOG-MSG}. Chosen over
 * LF-terminated framing because it is the one a syslog message can never break. The message is
 * passed on as it is, behind a small prefix buffer, so it is not copied.
 */
public final class OctetCountingFramer extends MessageToMessageEncoder<ByteBuf> {

    public OctetCountingFramer() {
        super(ByteBuf.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf message, List<Object> out) {
        out.add(Unpooled.wrappedBuffer((message.readableBytes() + " ").getBytes(StandardCharsets.US_ASCII)));
        out.add(message.retain());
    }
}

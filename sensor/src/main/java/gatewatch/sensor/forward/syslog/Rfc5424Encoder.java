package gatewatch.sensor.forward.syslog;

import gatewatch.sensor.forward.ForwardedAlert;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Encodes an alert as one RFC 5424 message (no framing; see {@link OctetCountingFramer}). */
public final class Rfc5424Encoder extends MessageToByteEncoder<ForwardedAlert> {
    private final Rfc5424Formatter formatter;

    public Rfc5424Encoder(Rfc5424Formatter formatter) {
        super(ForwardedAlert.class);
        this.formatter = formatter;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ForwardedAlert alert, ByteBuf out) {
        out.writeBytes(formatter.format(alert));
    }
}

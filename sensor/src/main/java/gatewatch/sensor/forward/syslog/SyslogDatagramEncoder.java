package gatewatch.sensor.forward.syslog;

import gatewatch.sensor.forward.ForwardedAlert;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

/**
 * One alert, one datagram (RFC 5426). A message longer than {@code maxBytes} is cut there (RFC
 * 5426 section 3.2 lets the sender truncate) and {@code onTruncated} is told; the MSG is ASCII,
 * so no character is split. Truncated JSON will not parse at the receiver, which is why the limit
 * should stay above the largest alert and the count is a metric.
 */
public final class SyslogDatagramEncoder extends MessageToMessageEncoder<ForwardedAlert> {
    private final Rfc5424Formatter formatter;
    private final InetSocketAddress recipient;
    private final int maxBytes;
    private final Runnable onTruncated;

    public SyslogDatagramEncoder(Rfc5424Formatter formatter, InetSocketAddress recipient, int maxBytes, Runnable onTruncated) {
        super(ForwardedAlert.class);
        this.formatter = formatter;
        this.recipient = recipient;
        this.maxBytes = maxBytes;
        this.onTruncated = onTruncated;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ForwardedAlert alert, List<Object> out) {
        byte[] message = formatter.format(alert);
        if (message.length > maxBytes) {
            message = Arrays.copyOf(message, maxBytes);
            onTruncated.run();
        }
        out.add(new DatagramPacket(Unpooled.wrappedBuffer(message), recipient));
    }
}

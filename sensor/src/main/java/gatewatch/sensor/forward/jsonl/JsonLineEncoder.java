package gatewatch.sensor.forward.jsonl;

import gatewatch.sensor.forward.ForwardedAlert;
import gatewatch.sensor.forward.JsonText;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One alert as one line of JSON Lines: the JSON in UTF-8, kept to one line, then LF. The same
 * bytes as a line of the alert log.
 */
public final class JsonLineEncoder extends MessageToByteEncoder<ForwardedAlert> {

    public JsonLineEncoder() {
        super(ForwardedAlert.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ForwardedAlert alert, ByteBuf out) {
        out.writeCharSequence(JsonText.oneLine(alert.json()), StandardCharsets.UTF_8);
        out.writeByte('\n');
    }
}

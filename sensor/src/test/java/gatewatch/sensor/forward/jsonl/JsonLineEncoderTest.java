package gatewatch.sensor.forward.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.model.Category;
import gatewatch.sensor.forward.ForwardedAlert;
import gatewatch.sensor.forward.TestAlerts;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonLineEncoderTest {

    @Test
    void oneAlertIsOneUtf8LineEndingInLf() {
        EmbeddedChannel ch = new EmbeddedChannel(new JsonLineEncoder());
        ch.writeOutbound(new ForwardedAlert(TestAlerts.T0, Category.R2L, "{\"user\":\"jürgen\",\r\n\"n\":1}"));
        ByteBuf out = ch.readOutbound();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"user\":\"jürgen\",  \"n\":1}\n");
        out.release();
    }
}

package gatewatch.sensor.forward.http;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.sensor.forward.TestAlerts;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookRequestsTest {

    @Test
    void postsAJsonArrayWithAnIdempotencyKey() {
        FullHttpRequest req = new WebhookRequests("127.0.0.1", 8080, "/alerts")
                .post(List.of(TestAlerts.alert(1), TestAlerts.alert(2)), "k-7", ByteBufAllocator.DEFAULT);
        EmbeddedChannel ch = new EmbeddedChannel(new HttpClientCodec());
        ch.writeOutbound(req);
        StringBuilder wire = new StringBuilder();
        for (Object o; (o = ch.readOutbound()) != null; ) {
            wire.append(((ByteBuf) o).toString(StandardCharsets.UTF_8));
            ((ByteBuf) o).release();
        }
        String body = "[" + TestAlerts.alert(1).json() + "," + TestAlerts.alert(2).json() + "]";
        assertThat(wire.toString())
                .startsWith("POST /alerts HTTP/1.1\r\n")
                .contains("host: 127.0.0.1:8080\r\n", "content-type: application/json\r\n",
                        "content-length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n",
                        "Idempotency-Key: k-7\r\n")
                .endsWith("\r\n\r\n" + body);
    }

    @Test
    void statusDecidesDeliveredRejectedOrRetry() {
        assertThat(ResponseVerdict.of(200)).isEqualTo(ResponseVerdict.DELIVERED);
        assertThat(ResponseVerdict.of(204)).isEqualTo(ResponseVerdict.DELIVERED);
        assertThat(ResponseVerdict.of(400)).isEqualTo(ResponseVerdict.REJECTED);
        assertThat(ResponseVerdict.of(413)).isEqualTo(ResponseVerdict.REJECTED);
        assertThat(ResponseVerdict.of(301)).isEqualTo(ResponseVerdict.REJECTED);
        assertThat(ResponseVerdict.of(408)).isEqualTo(ResponseVerdict.RETRY);
        assertThat(ResponseVerdict.of(429)).isEqualTo(ResponseVerdict.RETRY);
        assertThat(ResponseVerdict.of(503)).isEqualTo(ResponseVerdict.RETRY);
    }
}

package gatewatch.sensor.forward.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.detector.model.Category;
import gatewatch.sensor.forward.ForwardedAlert;
import gatewatch.sensor.forward.TestAlerts;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class Rfc5424EncoderTest {
    private final SyslogFormat format = new SyslogFormat("sensor1.example.org", "gatewatch", "4242", Facility.LOCAL0);
    private final Rfc5424Formatter formatter = new Rfc5424Formatter(format);

    private static String drain(EmbeddedChannel ch) {
        StringBuilder s = new StringBuilder();
        for (Object o; (o = ch.readOutbound()) != null; ) {
            ByteBuf b = (ByteBuf) o;
            s.append(b.toString(StandardCharsets.US_ASCII));
            b.release();
        }
        return s.toString();
    }

    @Test
    void headerHasPriTimestampInMicrosecondsAndStructuredDataThenTheJson() {
        ForwardedAlert a = new ForwardedAlert(Instant.parse("2024-05-06T07:08:09.1234567Z"), Category.U2R, "{\"a\":1}");
        EmbeddedChannel ch = new EmbeddedChannel(new Rfc5424Encoder(formatter));
        ch.writeOutbound(a);
        // local0 (16) * 8 + critical (2) = 130; nanoseconds cut to microseconds.
        assertThat(drain(ch)).isEqualTo("<130>1 2024-05-06T07:08:09.123456Z sensor1.example.org gatewatch 4242 alert "
                + "[gatewatch@32473 category=\"u2r\"] {\"a\":1}");
    }

    @Test
    void severityFollowsTheCategory() {
        assertThat(Severity.of(Category.U2R)).isEqualTo(2);
        assertThat(Severity.of(Category.R2L)).isEqualTo(3);
        assertThat(Severity.of(Category.DOS)).isEqualTo(4);
        assertThat(Severity.of(Category.PROBE)).isEqualTo(5);
        assertThat(Severity.of(Category.ANOMALY)).isEqualTo(5);
        String auth = new String(new Rfc5424Formatter(format.withFacility(Facility.AUTH)).format(TestAlerts.alert(0)),
                StandardCharsets.US_ASCII);
        assertThat(auth).startsWith("<36>1 "); // auth (4) * 8 + warning (4): alert 0 is dos
    }

    @Test
    void nonAsciiIsEscapedSoTheMessageIsPrintableAsciiWithoutBom() {
        ForwardedAlert a = new ForwardedAlert(TestAlerts.T0, Category.DOS, "{\"host\":\"bücher\",\n\"x\":\"\u20ac\"}");
        byte[] msg = formatter.format(a);
        String s = new String(msg, StandardCharsets.US_ASCII);
        assertThat(s).endsWith("{\"host\":\"b\\u00fccher\", \"x\":\"\\u20ac\"}");
        for (byte b : msg) {
            assertThat(b).isBetween((byte) 0x20, (byte) 0x7e);
        }
    }

    @Test
    void octetCountingPrefixesTheLengthInBytes() {
        EmbeddedChannel ch = new EmbeddedChannel(new OctetCountingFramer(), new Rfc5424Encoder(formatter));
        ch.writeOutbound(TestAlerts.alert(1), TestAlerts.alert(2));
        String stream = drain(ch);
        int pos = 0;
        for (int id = 1; id <= 2; id++) {
            int sp = stream.indexOf(' ', pos);
            int len = Integer.parseInt(stream.substring(pos, sp));
            String msg = stream.substring(sp + 1, sp + 1 + len);
            assertThat(msg).startsWith("<").endsWith(TestAlerts.alert(id).json());
            pos = sp + 1 + len;
        }
        assertThat(pos).isEqualTo(stream.length());
    }

    @Test
    void datagramsLongerThanTheLimitAreCutAndCounted() {
        int[] truncated = {0};
        InetSocketAddress to = new InetSocketAddress("127.0.0.1", 514);
        EmbeddedChannel ch = new EmbeddedChannel(new SyslogDatagramEncoder(formatter, to, 480, () -> truncated[0]++));
        String big = "{\"pad\":\"" + "x".repeat(1000) + "\"}";
        ch.writeOutbound(new ForwardedAlert(TestAlerts.T0, Category.DOS, big), TestAlerts.alert(1));
        DatagramPacket first = ch.readOutbound();
        DatagramPacket second = ch.readOutbound();
        assertThat(first.content().readableBytes()).isEqualTo(480);
        assertThat(first.recipient()).isEqualTo(to);
        assertThat(second.content().toString(StandardCharsets.US_ASCII)).endsWith(TestAlerts.alert(1).json());
        assertThat(truncated[0]).isEqualTo(1);
        first.release();
        second.release();
    }

    @Test
    void headerFieldsAreCheckedNamingTheField() {
        assertThatThrownBy(() -> new SyslogFormat("has space", "gatewatch", "1", Facility.LOCAL0))
                .hasMessageContaining("hostname");
        assertThatThrownBy(() -> new SyslogFormat("h", "a".repeat(49), "1", Facility.LOCAL0))
                .hasMessageContaining("appName");
        assertThatThrownBy(() -> Facility.of("local9")).hasMessageContaining("facility");
        assertThat(Facility.of("authpriv").code()).isEqualTo(10);
    }
}

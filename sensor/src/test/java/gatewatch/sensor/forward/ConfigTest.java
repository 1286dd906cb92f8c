package gatewatch.sensor.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.detector.model.Category;
import gatewatch.sensor.forward.syslog.SyslogFormat;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConfigTest {
    private final TargetConfig ok = TargetConfig.of("siem", "127.0.0.1", 6514);

    @Test
    void badValuesFailNamingTheField() {
        assertThatThrownBy(() -> TargetConfig.of("Bad Name", "h", 1)).hasMessageContaining("name");
        assertThatThrownBy(() -> TargetConfig.of("siem", " ", 1)).hasMessageContaining("host");
        assertThatThrownBy(() -> TargetConfig.of("siem", "h", 70_000)).hasMessageContaining("port").hasMessageContaining("siem");
        assertThatThrownBy(() -> ok.withBufferSize(0)).hasMessageContaining("bufferSize");
        assertThatThrownBy(() -> ok.withBackoff(Duration.ZERO, Duration.ofSeconds(1))).hasMessageContaining("backoffMin");
        assertThatThrownBy(() -> ok.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).hasMessageContaining("backoffMax");
        assertThatThrownBy(() -> new SyslogUdpConfig(ok, SyslogFormat.of("h"), 100)).hasMessageContaining("maxDatagramBytes");
        assertThatThrownBy(() -> new SyslogTcpConfig(ok, null)).hasMessageContaining("format");
        assertThatThrownBy(() -> HttpWebhookConfig.of(ok, "alerts")).hasMessageContaining("path");
        assertThatThrownBy(() -> HttpWebhookConfig.of(ok, "/a").withBatching(0, Duration.ZERO)).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> HttpWebhookConfig.of(ok.withBufferSize(5), "/a").withBatching(10, Duration.ZERO))
                .hasMessageContaining("batchSize").hasMessageContaining("bufferSize");
        assertThatThrownBy(() -> HttpWebhookConfig.of(ok, "/a").withRequestTimeout(Duration.ZERO)).hasMessageContaining("requestTimeout");
        assertThatThrownBy(() -> new ForwardedAlert(TestAlerts.T0, Category.NORMAL, "{}")).hasMessageContaining("category");
    }

    @Test
    void metricsReadTheCountersOfAForwarderWhoseReceiverIsAway() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            JsonLinesTcpForwarder f = new JsonLinesTcpForwarder(new JsonLinesTcpConfig(
                    TargetConfig.of("siem", "127.0.0.1", port).withBufferSize(2).withCloseTimeout(Duration.ZERO)), group);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            new ForwarderMetrics(List.of(f)).bindTo(registry);
            assertThat(f.offer(TestAlerts.alert(1))).isTrue();
            assertThat(f.offer(TestAlerts.alert(2))).isTrue();
            assertThat(f.offer(TestAlerts.alert(3))).isFalse();
            assertThat(registry.get("gatewatch.forwarder.buffered").tag("forwarder", "siem").gauge().value()).isEqualTo(2);
            assertThat(registry.get("gatewatch.forwarder.failed").tags("forwarder", "siem", "cause", "buffer_full")
                    .functionCounter().count()).isEqualTo(1);
            f.close();
            assertThat(f.offer(TestAlerts.alert(4))).isFalse();
            assertThat(registry.get("gatewatch.forwarder.failed").tags("forwarder", "siem", "cause", "gave_up")
                    .functionCounter().count()).isEqualTo(2);
            assertThat(registry.get("gatewatch.forwarder.sent").tag("forwarder", "siem").functionCounter().count()).isZero();
            assertThat(registry.get("gatewatch.forwarder.buffered").gauge().value()).isZero();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}

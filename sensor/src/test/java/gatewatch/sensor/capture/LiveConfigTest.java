package gatewatch.sensor.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LiveConfigTest {
    @Test
    void defaultsCaptureEverythingWithA16MiBBuffer() {
        LiveConfig c = LiveConfig.of("eth0");
        assertThat(c.interfaceName()).isEqualTo("eth0");
        assertThat(c.snaplen()).isEqualTo(262_144);
        assertThat(c.promiscuous()).isTrue();
        assertThat(c.bufferSize()).isEqualTo(64 * 1024 * 1024);
        assertThat(c.immediate()).isFalse();
        assertThat(c.timeoutMillis()).isEqualTo(100);
        assertThat(c.filter()).isNull();
    }

    @Test
    void withersChangeOneField() {
        LiveConfig c = LiveConfig.of("eth0").withFilter("tcp").withSnaplen(1500).withPromiscuous(false)
                .withBufferSize(64 << 20).withImmediate(true).withTimeoutMillis(10);
        assertThat(c).isEqualTo(new LiveConfig("eth0", 1500, false, 64 << 20, true, 10, "tcp"));
    }

    @Test
    void badValuesNameTheField() {
        LiveConfig ok = LiveConfig.of("eth0");
        assertThatThrownBy(() -> LiveConfig.of(" ")).hasMessage("interfaceName is missing");
        assertThatThrownBy(() -> LiveConfig.of("a-name-far-too-long-for-linux"))
                .hasMessageStartingWith("interfaceName 'a-name-far-too-long-for-linux' is not an interface name");
        assertThatThrownBy(() -> LiveConfig.of("eth 0")).hasMessageStartingWith("interfaceName 'eth 0'");
        assertThatThrownBy(() -> ok.withSnaplen(0)).hasMessage("snaplen must be 1..262144, got 0");
        assertThatThrownBy(() -> ok.withSnaplen(262_145)).hasMessage("snaplen must be 1..262144, got 262145");
        assertThatThrownBy(() -> ok.withBufferSize(4096)).hasMessage("bufferSize must be at least 1048576 bytes, got 4096");
        assertThatThrownBy(() -> ok.withTimeoutMillis(0)).hasMessage("timeoutMillis must be 1..10000, got 0");
        assertThatThrownBy(() -> ok.withFilter("  ")).hasMessageStartingWith("filter is blank");
        assertThatThrownBy(() -> ok.withFilter("tcp").withSnaplen(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}

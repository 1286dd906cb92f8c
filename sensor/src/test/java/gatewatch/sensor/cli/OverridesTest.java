package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.sensor.alert.AlertLimit;
import gatewatch.sensor.config.ConfigLoader;
import gatewatch.sensor.config.SensorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each command-line option of {@code run} replaces its one key and leaves every other as configured. */
class OverridesTest {
    @TempDir
    Path tmp;

    private SensorConfig configured;

    @BeforeEach
    void load() throws Exception {
        Path yaml = tmp.resolve("gatewatch.yaml");
        Files.writeString(yaml, """
                sensor:
                  name: edge-1
                  user: gatewatch
                capture:
                  interface: eth0
                  filter: tcp
                  snaplen: 1500
                  buffer_mib: 32
                alerts:
                  path: %s
                records:
                  path: %s
                metrics:
                  listen: 127.0.0.1:9101
                alert_limit:
                  count: 5
                  per: 10s
                  max_tracked: 1000
                stats_interval: 5s
                """.formatted(tmp.resolve("alerts.json"), tmp.resolve("records.json")));
        configured = new ConfigLoader().load(yaml);
    }

    @Test
    void noOptionKeepsTheConfiguration() {
        assertThat(Overrides.apply(configured, null, null, null, new OutputOptions())).isEqualTo(configured);
    }

    @Test
    void everyOptionReplacesItsKeyOnly() {
        OutputOptions out = new OutputOptions();
        out.alerts = tmp.resolve("a2.json");
        out.records = tmp.resolve("r2.json");
        out.sensorName = "edge-2";
        out.alertLimit = new AlertLimit(7, Duration.ofSeconds(30), AlertLimit.DEFAULT.maxTracked());

        SensorConfig c = Overrides.apply(configured, "eth1", "udp", "127.0.0.1:9200", out);

        assertThat(c.capture().iface()).isEqualTo("eth1");
        assertThat(c.capture().filter()).isEqualTo("udp");
        assertThat(c.capture().snaplen()).isEqualTo(1500);
        assertThat(c.capture().bufferMib()).isEqualTo(32);
        assertThat(c.metrics().listen()).isEqualTo("127.0.0.1:9200");
        assertThat(c.sensor().name()).isEqualTo("edge-2");
        assertThat(c.sensor().user()).isEqualTo("gatewatch");
        assertThat(c.alerts().path()).isEqualTo(out.alerts);
        assertThat(c.records().path()).isEqualTo(out.records);
        assertThat(c.alertLimit().count()).isEqualTo(7);
        assertThat(c.alertLimit().per()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.alertLimit().maxTracked()).as("max_tracked is not an option: kept").isEqualTo(1000);
        assertThat(c.statsInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.forwarders()).isEqualTo(configured.forwarders());
        assertThat(c.connections()).isEqualTo(configured.connections());
        assertThat(c.pipeline()).isEqualTo(configured.pipeline());
        assertThat(c.detector()).isEqualTo(configured.detector());
    }

    @Test
    void anInterfaceAloneKeepsTheConfiguredFilter() {
        SensorConfig c = Overrides.apply(configured, "eth1", null, null, new OutputOptions());
        assertThat(c.capture().iface()).isEqualTo("eth1");
        assertThat(c.capture().filter()).isEqualTo("tcp");
        assertThat(c.withCapture(configured.capture())).isEqualTo(configured);
    }
}

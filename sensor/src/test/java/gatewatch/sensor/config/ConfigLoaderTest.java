package gatewatch.sensor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.sensor.alert.AlertLimit;
import gatewatch.sensor.forward.HttpWebhookConfig;
import gatewatch.sensor.forward.SyslogTcpConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void aFileThatIsNotUtf8IsNamedWithTheByteOffsetAndLine(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("latin1.yaml"), "sensor:\n  name: \"caf\u00e9\"\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessage("configuration file " + file + ": not UTF-8 at byte 20 (line 2: byte 0xe9)");
        Files.writeString(file, "sensor:\n  name: \"caf\u00e9\"\n", StandardCharsets.UTF_8);
        assertThat(loader.load(file).sensor().name()).isEqualTo("caf\u00e9");
    }

    @Test
    void aFileThatCannotBeReadSaysWhy(@TempDir Path dir) {
        assertThatThrownBy(() -> loader.load(dir)).hasMessage("configuration file " + dir + ": is a directory");
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> loader.load(missing)).hasMessage("configuration file " + missing + " does not exist");
    }

    @Test
    void emptyDocumentIsAllDefaults() {
        SensorConfig c = loader.parse("");
        assertThat(c.capture().bufferMib()).isEqualTo(64);
        assertThat(c.connections().max()).isEqualTo(1_000_000);
        assertThat(c.connections().timeouts().tcpAttempt()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.metrics().listen()).isEqualTo("127.0.0.1:9810");
        assertThat(c.metrics().scoreApi()).isFalse();
        assertThat(c.records().enabled()).isFalse();
        assertThat(c.alerts().path()).isEqualTo(Path.of("/var/log/gatewatch/alerts.json"));
    }

    @Test
    void aFileOfCommentsIsAllDefaults() {
        assertThat(loader.parse("# gatewatch.yaml\n#capture:\n#  snaplen: 262144\n\n")).isEqualTo(SensorConfig.defaults());
    }

    @Test
    void sectionsWhoseKeysAreAllCommentedOutAreDefaults() {
        // The shape of the shipped gatewatch.yaml: section names with every key commented out.
        assertThat(loader.parse("sensor:\n  #name:\ncapture:\n  #snaplen: 262144\nforwarders:\nmetrics:\n"))
                .isEqualTo(SensorConfig.defaults());
    }

    @Test
    void anAlertsSectionWithoutAPathKeepsTheDefaultFile() {
        SensorConfig c = loader.parse("alerts:\n  keep: 9\n");
        assertThat(c.alerts().path()).isEqualTo(Path.of("/var/log/gatewatch/alerts.json"));
        assertThat(c.alerts().keep()).isEqualTo(9);
    }

    @Test
    void readsEverySection() {
        SensorConfig c = loader.parse("""
                sensor:
                  name: gw1
                capture:
                  interface: eth1
                  filter: "not port 22"
                  buffer_mib: 64
                connections:
                  max: 5000
                  timeouts:
                    udp_inactivity: 30s
                    tcp_inactivity: 10m
                pipeline:
                  batch_size: 128
                detector:
                  site_baseline: /var/lib/gatewatch/site.gwb
                alerts:
                  path: /tmp/a.json
                  max_bytes: 1000000
                  keep: 3
                  fsync: always
                alert_limit:
                  count: 20
                  per: 5m
                forwarders:
                  - type: syslog-tcp
                    host: 127.0.0.1
                    port: 6514
                    facility: local3
                  - type: http
                    host: 127.0.0.1
                    port: 8080
                    path: /alerts
                    linger: 250ms
                metrics:
                  listen: 127.0.0.1:9999
                  score_api: true
                """);
        assertThat(c.sensor().name()).isEqualTo("gw1");
        assertThat(c.capture().iface()).isEqualTo("eth1");
        assertThat(c.capture().filter()).isEqualTo("not port 22");
        assertThat(c.connections().timeouts().udpInactivity()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.connections().timeouts().tcpInactivity()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.alerts().keep()).isEqualTo(3);
        assertThat(c.detector().siteBaseline()).isEqualTo(Path.of("/var/lib/gatewatch/site.gwb"));
        assertThat(c.alertLimit().toAlertLimit())
                .isEqualTo(new AlertLimit(20, Duration.ofMinutes(5), AlertLimit.DEFAULT.maxTracked()));
        assertThat(c.forwarders()).hasSize(2);
        assertThat(c.forwarders().get(0).build("f", "h")).isInstanceOf(SyslogTcpConfig.class);
        HttpWebhookConfig http = (HttpWebhookConfig) c.forwarders().get(1).build("f", "h");
        assertThat(http.linger()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.metrics().port()).isEqualTo(9999);
    }

    @Test
    void unknownKeyIsNamedWithItsSection() {
        assertThatThrownBy(() -> loader.parse("capture:\n  bufer_mib: 4\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("capture.bufer_mib")
                .hasMessageContaining("buffer_mib");
    }

    @Test
    void badValuesNameTheKey() {
        assertThatThrownBy(() -> loader.parse("capture:\n  buffer_mib: 0\n"))
                .hasMessageStartingWith("capture.buffer_mib");
        assertThatThrownBy(() -> loader.parse("capture:\n  buffer_mib: lots\n"))
                .hasMessageStartingWith("capture.buffer_mib");
        assertThatThrownBy(() -> loader.parse("connections:\n  timeouts:\n    tcp_attempt: 5 seconds\n"))
                .hasMessageContaining("connections.timeouts.tcp_attempt");
        assertThatThrownBy(() -> loader.parse("alerts:\n  fsync: sometimes\n"))
                .hasMessageStartingWith("alerts.fsync");
        assertThatThrownBy(() -> loader.parse("alert_limit:\n  count: -1\n"))
                .hasMessageStartingWith("alert_limit.count");
        assertThatThrownBy(() -> loader.parse("alert_limit:\n  per: 0s\n"))
                .hasMessageStartingWith("alert_limit.per");
        assertThatThrownBy(() -> loader.parse("metrics:\n  listen: localhost\n"))
                .hasMessageStartingWith("metrics.listen");
        assertThatThrownBy(() -> loader.parse("forwarders:\n  - type: carrier-pigeon\n    host: x\n    port: 1\n"))
                .hasMessageStartingWith("forwarders[0].type");
        assertThatThrownBy(() -> loader.parse("forwarders:\n  - type: syslog-udp\n    host: x\n    port: 70000\n"))
                .hasMessageStartingWith("forwarders[0]")
                .hasMessageContaining("port");
    }

    @Test
    void theHttpLimitsAreReadAndCheckedByKey() {
        MetricsSection m = loader.parse("""
                metrics:
                  max_connections: 16
                  header_timeout: 2s
                  request_timeout: 20s
                  idle_timeout: 90s
                  max_buffered_bytes: 4194304
                """).metrics();
        assertThat(m.maxConnections()).isEqualTo(16);
        assertThat(m.headerTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(m.requestTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(m.idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(m.maxBufferedBytes()).isEqualTo(4L << 20);
        MetricsSection d = loader.parse("").metrics();
        assertThat(d.maxConnections()).isEqualTo(64);
        assertThat(d.headerTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(d.maxBufferedBytes()).isEqualTo(8L << 20);

        assertThatThrownBy(() -> loader.parse("metrics:\n  max_connections: 0\n"))
                .hasMessageStartingWith("metrics.max_connections");
        assertThatThrownBy(() -> loader.parse("metrics:\n  header_timeout: soon\n"))
                .hasMessageContaining("metrics.header_timeout");
        assertThatThrownBy(() -> loader.parse("metrics:\n  header_timeout: 0s\n"))
                .hasMessageStartingWith("metrics.header_timeout");
        assertThatThrownBy(() -> loader.parse("metrics:\n  header_timeout: 40s\n"))
                .hasMessageStartingWith("metrics.request_timeout");
        assertThatThrownBy(() -> loader.parse("metrics:\n  max_buffered_bytes: 1000\n"))
                .hasMessageStartingWith("metrics.max_buffered_bytes");
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> loader.load(Path.of("/nonexistent/gatewatch.yaml")))
                .hasMessageContaining("/nonexistent/gatewatch.yaml");
    }

    @Test
    void malformedYamlGivesTheLine() {
        assertThatThrownBy(() -> loader.parse("capture: {interface: eth0\nmetrics: x\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line");
    }

    @Test
    void aKeyGivenTwiceFailsNamingTheKeyAndItsLine() {
        assertThatThrownBy(() -> loader.parse("capture:\n  snaplen: 1500\n  buffer_mib: 8\n  snaplen: 9000\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("capture.snaplen")
                .hasMessageContaining("twice")
                .hasMessageContaining("line 4");
        assertThatThrownBy(() -> loader.parse("sensor:\n  name: a\nmetrics:\n  enabled: false\nsensor:\n  name: b\n"))
                .hasMessageStartingWith("sensor")
                .hasMessageContaining("line 5");
    }

    @Test
    void statsIntervalDefaultsToAMinuteAndZeroIsOff() {
        assertThat(loader.parse("").statsInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(loader.parse("stats_interval: 0s\n").statsInterval()).isZero();
        assertThat(loader.parse("stats_interval: 10s\n").statsInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> loader.parse("stats_interval: often\n")).hasMessageStartingWith("stats_interval");
    }

    @Test
    void twoForwardersOfOneNameFailNamingBoth() {
        assertThatThrownBy(() -> loader.parse("""
                forwarders:
                  - type: syslog-udp
                    name: siem
                    host: a
                    port: 514
                  - type: http
                    host: b
                    port: 80
                  - type: jsonl-tcp
                    name: SIEM
                    host: c
                    port: 9000
                """))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("forwarders[0]")
                .hasMessageContaining("forwarders[2]")
                .hasMessageContaining("'siem'");
        // Without names, the same type, host and port twice collide as well.
        assertThatThrownBy(() -> loader.parse("""
                forwarders:
                  - {type: syslog-udp, host: a, port: 514}
                  - {type: syslog-udp, host: a, port: 514}
                """))
                .hasMessageContaining("forwarders[0] and forwarders[1]");
    }
}

package gatewatch.sensor.forward;

import static gatewatch.sensor.forward.JsonLinesTcpForwarderTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gatewatch.sensor.forward.syslog.Facility;
import gatewatch.sensor.forward.syslog.Severity;
import gatewatch.sensor.forward.syslog.SyslogFormat;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The syslog forwarders against a real rsyslogd on loopback, over TCP and over UDP. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RsyslogForwardTest {
    private static final Pattern MESSAGE = Pattern.compile(
            "<(\\d+)>1 (\\S+) sensor1\\.example\\.org gatewatch 4242 alert \\[gatewatch@32473 category=\"(\\w+)\"] (\\{.*})");
    private static final SyslogFormat FORMAT = new SyslogFormat("sensor1.example.org", "gatewatch", "4242", Facility.LOCAL0);
    private static final int N = 1_000;
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @TempDir
    static Path dir;
    private static EventLoopGroup group;
    private static RsyslogReceiver rsyslog;

    @BeforeAll
    static void startRsyslog() throws Exception {
        assumeTrue(Files.isExecutable(RsyslogReceiver.RSYSLOGD),
                "rsyslogd is not installed (apt-get install rsyslog); skipping the rsyslog tests");
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        rsyslog = new RsyslogReceiver(dir);
    }

    @AfterAll
    static void stopRsyslog() throws Exception {
        if (rsyslog != null) {
            rsyslog.close();
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).sync();
        }
    }

    private static void assertIntact(List<String> lines) {
        Set<Integer> ids = new HashSet<>();
        for (String line : lines) {
            Matcher m = MESSAGE.matcher(line);
            assertThat(m.matches()).as("an RFC 5424 message as sent: %s", line).isTrue();
            String json = m.group(4);
            int id = Integer.parseInt(json.replaceAll(".*\"id\":(\\d+),.*", "$1"));
            ForwardedAlert sent = TestAlerts.alert(id);
            assertThat(json).isEqualTo(sent.json());
            assertThat(m.group(3)).isEqualTo(sent.category().externalName());
            assertThat(Integer.parseInt(m.group(1))).isEqualTo(16 * 8 + Severity.of(sent.category()));
            assertThat(m.group(2)).isEqualTo(MICROS.format(sent.timestamp()));
            assertThat(ids.add(id)).as("alert %d arrived once", id).isTrue();
        }
        assertThat(ids).hasSize(N);
    }

    @Test
    void alertsSentOverTcpArriveIntactOnceEach() throws Exception {
        TargetConfig target = TargetConfig.of("rsyslog-tcp", "127.0.0.1", rsyslog.tcpPort())
                .withBackoff(Duration.ofMillis(50), Duration.ofSeconds(1));
        try (SyslogTcpForwarder f = new SyslogTcpForwarder(new SyslogTcpConfig(target, FORMAT), group)) {
            for (int i = 0; i < N; i++) {
                assertThat(f.offer(TestAlerts.alert(i))).isTrue();
            }
            await("rsyslog acknowledges all", () -> f.counters().sent() == N, Duration.ofSeconds(60));
            await("rsyslog writes all", () -> rsyslog.lines(true).size() >= N, Duration.ofSeconds(30));
            assertThat(f.counters().failedTotal()).isZero();
        }
        assertIntact(rsyslog.lines(true));
    }

    @Test
    void alertsSentOverUdpArriveIntactOnceEach() throws Exception {
        TargetConfig target = TargetConfig.of("rsyslog-udp", "127.0.0.1", rsyslog.udpPort());
        try (SyslogUdpForwarder f = new SyslogUdpForwarder(SyslogUdpConfig.of(target, FORMAT), group)) {
            for (int i = 0; i < N; i++) {
                assertThat(f.offer(TestAlerts.alert(i))).isTrue();
                if (i % 10 == 9) {
                    // Paced like a busy sensor (10,000 alerts/s at most): UDP has no flow control,
                    // and a burst of 1,000 lost 3 % in rsyslog's default socket buffer here.
                    Thread.sleep(1);
                }
            }
            await("the kernel takes all", () -> f.counters().sent() == N, Duration.ofSeconds(30));
            try {
                await("rsyslog writes all", () -> rsyslog.lines(false).size() >= N, Duration.ofSeconds(30));
            } catch (AssertionError e) {
                List<String> got = rsyslog.lines(false);
                throw new AssertionError(e.getMessage() + ": " + got.size() + " lines, first " + (got.isEmpty() ? "-" : got.get(0))
                        + "; rsyslogd said: " + Files.readString(dir.resolve("rsyslogd.out")));
            }
            assertThat(f.counters().failedTotal()).isZero();
            assertThat(f.counters().truncated()).isZero();
        }
        assertIntact(rsyslog.lines(false));
    }
}

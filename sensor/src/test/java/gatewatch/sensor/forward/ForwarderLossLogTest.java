package gatewatch.sensor.forward;

import static gatewatch.sensor.forward.JsonLinesTcpForwarderTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.sensor.alert.LogCapture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a receiver that freezes (stops reading) and then dies costs, told once per episode with its
 * count, in the same numbers as the forwarder's metrics: the alerts dropped because the buffer
 * was full, and those sent on the connection it reset before the tail sent again, which may be
 * lost unread.
 */
class ForwarderLossLogTest {

    private static long number(List<String> lines, String pattern) {
        Pattern p = Pattern.compile(pattern);
        List<Long> found = lines.stream().map(p::matcher).filter(Matcher::find).map(m -> Long.parseLong(m.group(1))).toList();
        assertThat(found).as("one line matching %s in %s", pattern, lines).hasSize(1);
        return found.getFirst();
    }

    /** Every number the pattern's group finds, one per matching line. */
    private static List<Long> numbers(List<String> lines, String pattern) {
        Pattern p = Pattern.compile(pattern);
        return lines.stream().map(p::matcher).filter(Matcher::find).map(m -> Long.parseLong(m.group(1))).toList();
    }

    @Test
    @Timeout(120)
    void aFrozenThenKilledReceiverIsLoggedOncePerEpisodeWithTheMetricsCounts() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (JsonLinesReceiver receiver = new JsonLinesReceiver().start();
                LogCapture drops = LogCapture.of(DropEpisodes.class);
                LogCapture stream = LogCapture.of(StreamDeliveryHandler.class);
                LogCapture core = LogCapture.of(DeliveryCore.class)) {
            int bufferSize = 200;
            TargetConfig target = TargetConfig.of("siem", "127.0.0.1", receiver.port()).withBufferSize(bufferSize)
                    .withBackoff(Duration.ofMillis(50), Duration.ofSeconds(1));
            JsonLinesTcpForwarder f = new JsonLinesTcpForwarder(new JsonLinesTcpConfig(target), group);
            SimpleMeterRegistry metrics = new SimpleMeterRegistry();
            new ForwarderMetrics(List.of(f)).bindTo(metrics);

            int id = 0;
            for (; id < 50; id++) {
                assertThat(f.offer(TestAlerts.alert(id))).isTrue();
            }
            await("the first 50 read", () -> receiver.received() == 50, Duration.ofSeconds(10));

            receiver.pause(); // frozen: its socket fills, then nothing more is acknowledged
            int refused = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (refused < 1_000 && System.nanoTime() < deadline) {
                if (!f.offer(TestAlerts.alert(id++))) {
                    refused++;
                } else {
                    Thread.sleep(0, 200_000);
                }
            }
            assertThat(refused).isEqualTo(1_000);
            int port = receiver.port();
            receiver.abort(); // killed with unread bytes in its socket: RST
            await("the reset to be seen", () -> f.counters().resets() == 1, Duration.ofSeconds(10));
            receiver.start(port);
            await("the buffer to drain", () -> f.counters().buffered() == 0, Duration.ofSeconds(30));
            assertThat(f.offer(TestAlerts.alert(id++))).isTrue(); // the episode of drops is over
            await("the last alert acknowledged", () -> f.counters().buffered() == 0, Duration.ofSeconds(10));
            f.close();

            ForwarderCounters c = f.counters();
            double droppedMetric = metrics.get("gatewatch.forwarder.failed").tags("forwarder", "siem", "cause", "buffer_full")
                    .functionCounter().count();
            double possiblyLostMetric = metrics.get("gatewatch.forwarder.possibly_lost").tag("forwarder", "siem")
                    .functionCounter().count();
            long lostUnread = java.util.stream.IntStream.range(0, id).filter(i -> !receiver.copies().containsKey(i)).count()
                    - refused;
            System.out.printf("frozen then killed: offered=%d refused=%d sent=%d received=%d lost unread=%d possibly_lost=%d%n",
                    id, refused, c.sent(), receiver.received(), lostUnread, c.possiblyLost());

            // Buffer full: one line when it starts, one with the count when it ends.
            assertThat(drops.lines()).hasSize(2);
            assertThat(drops.lines().getFirst()).contains("forwarder siem: buffer full (200 alerts held), dropping alerts");
            long droppedLogged = number(drops.lines(), "buffer has room again; (\\d+) alerts dropped \\(buffer full\\) in [0-9.]+ s");
            assertThat(droppedLogged).isEqualTo(refused).isEqualTo(c.failed(FailureCause.BUFFER_FULL))
                    .isEqualTo((long) droppedMetric);

            // The reset: unread alerts older than the tail sent again are lost; the count logged bounds them.
            assertThat(lostUnread).isPositive();
            // Usually one reset; the dying receiver may reset a reconnection too, and each is logged once.
            List<Long> resetLines = numbers(stream.lines(), "and of the (\\d+) taken on it before those");
            assertThat(resetLines).as("%s", stream.lines()).isNotEmpty();
            long possiblyLostLogged = resetLines.stream().mapToLong(Long::longValue).sum();
            assertThat(possiblyLostLogged).isEqualTo(c.possiblyLost()).isEqualTo((long) possiblyLostMetric)
                    .isGreaterThanOrEqualTo(lostUnread);

            // The closing line repeats the same counters.
            String closing = core.lines().getLast();
            assertThat(closing).contains(c.sent() + " alerts sent").contains(refused + " dropped (buffer full)")
                    .contains(c.possiblyDuplicated() + " sent again after a reconnect (possibly duplicated)")
                    .contains(resetLines.size() + " resets (" + c.possiblyLost() + " alerts sent on those connections before the part sent again "
                            + "possibly lost unread)");
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).sync();
        }
    }
}

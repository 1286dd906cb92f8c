package gatewatch.sensor.forward;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.sensor.forward.jsonl.JsonLineEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StreamDeliveryHandlerTest {
    private final FakeAckProbes probes = new FakeAckProbes();
    private final TargetConfig target = TargetConfig.of("t", "127.0.0.1", 9).withBufferSize(10);
    private long nanos;
    private int inactive;
    private BoundedBacklog backlog;
    private ForwarderCounters counters;
    private Outbox outbox;

    private EmbeddedChannel connect() {
        WrittenBytesCounter counter = new WrittenBytesCounter();
        StreamDeliveryHandler handler = new StreamDeliveryHandler("t", outbox, counter, probes, 20, 1_000,
                () -> nanos, () -> inactive++);
        return new EmbeddedChannel(counter, new JsonLineEncoder(), handler);
    }

    private void newBacklog(Runnable onAdded) {
        backlog = new BoundedBacklog(target.bufferSize(), Runnable::run, onAdded);
        counters = new ForwarderCounters(backlog::depth);
        outbox = new Outbox(backlog, counters);
    }

    private static List<String> lines(EmbeddedChannel ch) {
        List<String> out = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (Object o; (o = ch.readOutbound()) != null; ) {
            ByteBuf b = (ByteBuf) o;
            all.append(b.toString(StandardCharsets.UTF_8));
            b.release();
        }
        for (String l : all.toString().split("\n")) {
            if (!l.isEmpty()) {
                out.add(l);
            }
        }
        return out;
    }

    @Test
    void alertsStayBufferedUntilAcknowledgedAndTheUnacknowledgedAreWrittenAgainOnce() {
        newBacklog(() -> { });
        for (int i = 0; i < 3; i++) {
            backlog.tryAdd(TestAlerts.alert(i));
        }
        EmbeddedChannel ch = connect();
        List<String> written = lines(ch);
        assertThat(written).hasSize(3);
        assertThat(counters.sent()).isZero();
        assertThat(counters.buffered()).isEqualTo(3);

        // The peer's TCP acknowledges the first two lines and a part of the third.
        int twoLines = written.get(0).length() + written.get(1).length() + 2;
        probes.acked = twoLines + 5;
        ch.advanceTimeBy(20, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(counters.sent()).isEqualTo(2);
        assertThat(counters.buffered()).isEqualTo(1);

        // The peer closes: the third alert was not read, so it goes back, to be written first.
        backlog.tryAdd(TestAlerts.alert(3));
        ch.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        assertThat(ch.isOpen()).as("open for the grace period, in case a RST follows the FIN").isTrue();
        assertThat(lines(ch)).as("nothing written after the FIN").isEmpty();
        ch.advanceTimeBy(StreamDeliveryHandler.PEER_CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isFalse();
        assertThat(inactive).isEqualTo(1);
        assertThat(counters.resets()).isZero();
        assertThat(counters.resent()).isEqualTo(1);
        assertThat(counters.buffered()).isEqualTo(2);

        EmbeddedChannel again = connect();
        List<String> rewritten = lines(again);
        assertThat(rewritten).containsExactly(written.get(2), TestAlerts.alert(3).json());
        probes.acked = rewritten.get(0).length() + rewritten.get(1).length() + 2;
        again.advanceTimeBy(20, TimeUnit.MILLISECONDS);
        again.runScheduledPendingTasks();
        assertThat(counters.sent()).isEqualTo(4);
        assertThat(counters.buffered()).isZero();
        assertThat(counters.failedTotal()).isZero();
    }

    @Test
    void nothingIsWrittenIntoAConnectionWhosePeerIsGone() {
        newBacklog(() -> { });
        EmbeddedChannel ch = connect();
        probes.peerGone = true;
        backlog.tryAdd(TestAlerts.alert(1));
        ch.pipeline().get(StreamDeliveryHandler.class).pump();
        assertThat(lines(ch)).isEmpty();
        ch.advanceTimeBy(StreamDeliveryHandler.PEER_CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isFalse();
        assertThat(counters.buffered()).isEqualTo(1);
    }

    /**
     * A receiver that dies with bytes unread may send FIN just before RST (the JDK shuts down
     * output before it closes): the RST that follows within the grace period is still counted.
     */
    @Test
    void aResetRightAfterTheFinIsCountedAsAReset() {
        newBacklog(() -> { });
        EmbeddedChannel ch = connect();
        probes.peerGone = true;
        ch.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        probes.reset = true;
        ch.advanceTimeBy(StreamDeliveryHandler.PEER_CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isFalse();
        assertThat(counters.resets()).isEqualTo(1);
    }

    @Test
    void aConnectionWithNoAcknowledgementForTooLongIsReplaced() {
        newBacklog(() -> { });
        backlog.tryAdd(TestAlerts.alert(1));
        EmbeddedChannel ch = connect();
        assertThat(lines(ch)).hasSize(1);
        for (int i = 0; i < 60 && ch.isOpen(); i++) {
            nanos += Duration.ofMillis(20).toNanos();
            ch.advanceTimeBy(20, TimeUnit.MILLISECONDS);
            ch.runScheduledPendingTasks();
        }
        assertThat(ch.isOpen()).isFalse();
        assertThat(nanos).isGreaterThan(Duration.ofSeconds(1).toNanos());
        assertThat(counters.resent()).isEqualTo(1);
    }

    @Test
    void writingStopsWhenTheChannelIsNotWritable() {
        newBacklog(() -> { });
        EmbeddedChannel ch = connect();
        ch.config().setWriteBufferLowWaterMark(1);
        ch.config().setWriteBufferHighWaterMark(2);
        ch.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        backlog.tryAdd(TestAlerts.alert(1));
        ch.pipeline().get(StreamDeliveryHandler.class).pump();
        assertThat(lines(ch)).isEmpty();
        ch.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        ch.runPendingTasks();
        assertThat(lines(ch)).hasSize(1);
    }
}

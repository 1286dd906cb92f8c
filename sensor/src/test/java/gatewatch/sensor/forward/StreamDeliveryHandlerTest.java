package gatewatch.sensor.forward;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.sensor.forward.jsonl.JsonLineEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StreamDeliveryHandlerTest {
    private static final long STALL_MILLIS = 1_000;
    private final TargetConfig target = TargetConfig.of("t", "127.0.0.1", 9).withBufferSize(10);
    private int inactive;
    private ResendTail tail = new ResendTail(TcpStreamEngine.RESEND_BYTES);
    private final BoundedBacklog backlog = new BoundedBacklog(target.bufferSize(), Runnable::run, () -> { });
    private final ForwarderCounters counters = new ForwarderCounters(backlog::depth);
    private final Outbox outbox = new Outbox(backlog, counters);

    private EmbeddedChannel connect() {
        StreamDeliveryHandler handler = new StreamDeliveryHandler("t", outbox, tail, STALL_MILLIS, () -> inactive++);
        return new EmbeddedChannel(new JsonLineEncoder(), handler);
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
    void alertsCountAsSentWhenTheKernelTakesThemAndTheNextConnectionWritesTheLastOnesAgainFirst() {
        for (int i = 0; i < 3; i++) {
            backlog.tryAdd(TestAlerts.alert(i));
        }
        EmbeddedChannel ch = connect();
        List<String> written = lines(ch);
        assertThat(written).hasSize(3);
        assertThat(counters.sent()).isEqualTo(3);
        assertThat(counters.buffered()).isZero();

        backlog.tryAdd(TestAlerts.alert(3));
        ch.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        assertThat(ch.isOpen()).as("open for the grace period, in case a RST follows the FIN").isTrue();
        assertThat(lines(ch)).as("nothing written after the FIN").isEmpty();
        ch.advanceTimeBy(StreamDeliveryHandler.PEER_CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isFalse();
        assertThat(inactive).isEqualTo(1);
        assertThat(counters.resets()).isZero();
        assertThat(counters.buffered()).isEqualTo(1);

        EmbeddedChannel again = connect();
        assertThat(lines(again)).containsExactly(written.get(0), written.get(1), written.get(2), TestAlerts.alert(3).json());
        assertThat(counters.possiblyDuplicated()).isEqualTo(3);
        assertThat(counters.sent()).as("a copy is not sent twice in the count").isEqualTo(4);
        assertThat(counters.buffered()).isZero();
        assertThat(counters.failedTotal()).isZero();
    }

    @Test
    void theTailKeepsTheNewestAlertsUpToItsBoundInBytes() {
        int length = TestAlerts.alert(100).json().length();
        tail = new ResendTail(3L * length);
        for (int i = 100; i < 110; i++) {
            tail.add(TestAlerts.alert(i));
        }
        assertThat(tail.takeAll()).extracting(ForwardedAlert::json)
                .as("an alert goes once the bound's worth was taken after it")
                .containsExactly(TestAlerts.alert(107).json(), TestAlerts.alert(108).json(), TestAlerts.alert(109).json());
        assertThat(tail.size()).isZero();
    }

    @Test
    void aResetCountsTheAlertsTakenBeforeTheTailAsPossiblyLost() {
        tail = new ResendTail(2L * TestAlerts.alert(100).json().length());
        for (int i = 100; i < 105; i++) {
            backlog.tryAdd(TestAlerts.alert(i));
        }
        EmbeddedChannel ch = connect();
        assertThat(lines(ch)).hasSize(5);
        int inTail = tail.size();
        assertThat(inTail).isBetween(1, 3);
        ch.pipeline().fireExceptionCaught(new IOException("Connection reset"));
        assertThat(ch.isOpen()).isFalse();
        assertThat(counters.resets()).isEqualTo(1);
        assertThat(counters.possiblyLost()).isEqualTo(5 - inTail);
    }

    @Test
    void nothingIsWrittenIntoAConnectionWhosePeerIsGone() {
        EmbeddedChannel ch = connect();
        ch.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        backlog.tryAdd(TestAlerts.alert(1));
        ch.pipeline().get(StreamDeliveryHandler.class).pump();
        assertThat(lines(ch)).isEmpty();
        ch.advanceTimeBy(StreamDeliveryHandler.PEER_CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isFalse();
        assertThat(counters.buffered()).isEqualTo(1);
    }

    @Test
    void aConnectionThatStaysUnwritableTooLongIsReplaced() {
        EmbeddedChannel ch = connect();
        ch.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        ch.runPendingTasks();
        ch.advanceTimeBy(STALL_MILLIS - 1, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isTrue();
        ch.advanceTimeBy(1, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isFalse();
        assertThat(counters.resets()).isZero();
    }

    @Test
    void aConnectionThatBecomesWritableAgainStays() {
        EmbeddedChannel ch = connect();
        ch.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        ch.runPendingTasks();
        ch.advanceTimeBy(STALL_MILLIS / 2, TimeUnit.MILLISECONDS);
        ch.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        ch.runPendingTasks();
        ch.advanceTimeBy(STALL_MILLIS, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void writingStopsWhenTheChannelIsNotWritable() {
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

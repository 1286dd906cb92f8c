package gatewatch.features.conn;

import static gatewatch.features.encode.Frames.ACK;
import static gatewatch.features.encode.Frames.FIN;
import static gatewatch.features.encode.Frames.PSH;
import static gatewatch.features.encode.Frames.RST;
import static gatewatch.features.encode.Frames.SYN;
import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.kdd.KddFlag;
import gatewatch.features.encode.Frames;
import org.junit.jupiter.api.Test;

/** Which connections are marked as still open when the input ends (docs/FEATURES.md, "Open at the end"). */
class OpenAtEndTest {

    private static TrackerHarness established(TrackerHarness h, int port) {
        return h.at(0, Frames.tcp("10.0.0.1", port, "10.0.0.2", 80).flags(SYN).seq(0))
                .at(0.01, Frames.tcp("10.0.0.2", 80, "10.0.0.1", port).flags(SYN | ACK).seq(0).ack(1))
                .at(0.02, Frames.tcp("10.0.0.1", port, "10.0.0.2", 80).flags(ACK | PSH).seq(1).ack(1).payloadLength(100));
    }

    @Test
    void anEstablishedConnectionCutOffByTheEndIsOpenAtEnd() {
        ConnectionSummary c = established(new TrackerHarness(), 40000).only();
        assertThat(c.zeekState()).isEqualTo(KddFlag.S1);
        assertThat(c.finishReason()).isEqualTo(FinishReason.FLUSHED);
        assertThat(c.openAtEnd()).isTrue();
    }

    @Test
    void anUnansweredAttemptAtTheEndIsOpenAtEndToo() {
        ConnectionSummary c = new TrackerHarness().at(0, Frames.tcp("10.0.0.1", 40000, "10.0.0.2", 80).flags(SYN).seq(0)).only();
        assertThat(c.zeekState()).isEqualTo(KddFlag.S0);
        assertThat(c.openAtEnd()).isTrue();
    }

    @Test
    void connectionsThatEndedBeforeTheEndAreNotOpenAtEnd() {
        TrackerHarness h = established(new TrackerHarness(), 40000)
                .at(0.03, Frames.tcp("10.0.0.1", 40000, "10.0.0.2", 80).flags(FIN | ACK).seq(101).ack(1))
                .at(0.04, Frames.tcp("10.0.0.2", 80, "10.0.0.1", 40000).flags(FIN | ACK).seq(1).ack(102));
        established(h, 40001).at(0.05, Frames.tcp("10.0.0.2", 80, "10.0.0.1", 40001).flags(RST).seq(1));
        // Both are flushed during their close linger: ended, so not open.
        assertThat(h.flush()).hasSize(2).allSatisfy(c -> {
            assertThat(c.finishReason()).isEqualTo(FinishReason.FLUSHED);
            assertThat(c.openAtEnd()).isFalse();
        });
        assertThat(h.records).extracting(ConnectionSummary::zeekState).containsExactly(KddFlag.SF, KddFlag.RSTR);
    }

    @Test
    void aConnectionThatTimedOutIsNotOpenAtEnd() {
        TrackerHarness h = new TrackerHarness().at(0, Frames.tcp("10.0.0.1", 40000, "10.0.0.2", 80).flags(SYN).seq(0));
        h.tracker.advanceTime(6_000_000_000L);
        assertThat(h.records).singleElement().satisfies(c -> {
            assertThat(c.zeekState()).isEqualTo(KddFlag.S0);
            assertThat(c.openAtEnd()).isFalse();
        });
    }

    @Test
    void aUdpFlowInsideItsIdleTimeoutIsOpenAtEndAndAnIcmpMessageNever() {
        TrackerHarness h = new TrackerHarness()
                .at(0, Frames.udp("10.0.0.3", 53000, "10.0.0.4", 53).payloadLength(30))
                .at(0.5, Frames.icmp("10.0.0.1", "10.0.0.2", 8, 0).payloadLength(56));
        assertThat(h.flush()).hasSize(2);
        assertThat(h.records.get(0).openAtEnd()).isFalse();
        assertThat(h.records.get(1).openAtEnd()).isTrue();
    }
}

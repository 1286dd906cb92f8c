package gatewatch.features.conn;

import static gatewatch.features.encode.Frames.ACK;
import static gatewatch.features.encode.Frames.FIN;
import static gatewatch.features.encode.Frames.PSH;
import static gatewatch.features.encode.Frames.RST;
import static gatewatch.features.encode.Frames.SYN;
import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.kdd.KddFlag;
import gatewatch.features.encode.Frames;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One test per Zeek connection state, each from a frame sequence built here. Client 10.0.0.1:40000
 * talks to server 10.0.0.2:80; client ISN 1000, server ISN 5000.
 */
class TcpStatesTest {
    private static final String C = "10.0.0.1";
    private static final String S = "10.0.0.2";

    private static Frames.Packet fromClient(int flags, long seq, long ack) {
        return Frames.tcp(C, 40000, S, 80).flags(flags).seq(seq).ack(ack);
    }

    private static Frames.Packet fromServer(int flags, long seq, long ack) {
        return Frames.tcp(S, 80, C, 40000).flags(flags).seq(seq).ack(ack);
    }

    /** SYN, SYN-ACK, ACK at t = 0, 0.01, 0.02. */
    private static TrackerHarness handshake() {
        return new TrackerHarness()
                .at(0.00, fromClient(SYN, 1000, 0))
                .at(0.01, fromServer(SYN | ACK, 5000, 1001))
                .at(0.02, fromClient(ACK, 1001, 5001));
    }

    @Test
    void s0SynWithoutReply() {
        ConnectionSummary c = new TrackerHarness().at(0, fromClient(SYN, 1000, 0)).only();
        assertThat(c.zeekState()).isEqualTo(KddFlag.S0);
        assertThat(c.history()).isEqualTo("S");
        assertThat(c.origBytes()).isZero();
        assertThat(c.origAddress()).hasToString(C);
        assertThat(c.respPort()).isEqualTo(80);
    }

    @Test
    void rejSynAnsweredByReset() {
        ConnectionSummary c = new TrackerHarness()
                .at(0, fromClient(SYN, 1000, 0))
                .at(0.001, fromServer(RST | ACK, 0, 1001))
                .only();
        assertThat(c.zeekState()).isEqualTo(KddFlag.REJ);
        assertThat(c.history()).isEqualTo("Sr");
    }

    @Test
    void sfNormalEstablishmentAndTermination() {
        ConnectionSummary c = handshake()
                .at(0.03, fromClient(PSH | ACK, 1001, 5001).payload("GET / HTTP/1.0\r\n\r\n"))
                .at(0.04, fromServer(PSH | ACK, 5001, 1019).payloadLength(500))
                .at(0.05, fromServer(FIN | ACK, 5501, 1019))
                .at(0.06, fromClient(FIN | ACK, 1019, 5502))
                .at(0.07, fromServer(ACK, 5502, 1020))
                .only();
        assertThat(c.zeekState()).isEqualTo(KddFlag.SF);
        assertThat(c.history()).isEqualTo("ShADdfFa");
        assertThat(c.origBytes()).isEqualTo(18);
        assertThat(c.respBytes()).isEqualTo(500);
        assertThat(c.origPackets()).isEqualTo(4);
        assertThat(c.respPackets()).isEqualTo(4);
        // The last ACK after both FINs does not lengthen the connection.
        assertThat(c.endNanos()).isEqualTo(60_000_000L);
    }

    @Test
    void s1EstablishedNotTerminated() {
        ConnectionSummary c = handshake().at(0.03, fromClient(ACK | PSH, 1001, 5001).payloadLength(10)).only();
        assertThat(c.zeekState()).isEqualTo(KddFlag.S1);
        assertThat(c.finishReason()).isEqualTo(FinishReason.FLUSHED);
    }

    @Test
    void s2CloseAttemptByOriginatorOnly() {
        ConnectionSummary c = handshake().at(0.03, fromClient(FIN | ACK, 1001, 5001)).only();
        assertThat(c.zeekState()).isEqualTo(KddFlag.S2);
    }

    @Test
    void s3CloseAttemptByResponderOnly() {
        ConnectionSummary c = handshake().at(0.03, fromServer(FIN | ACK, 5001, 1001)).only();
        assertThat(c.zeekState()).isEqualTo(KddFlag.S3);
    }

    @Test
    void rstoOriginatorAborts() {
        ConnectionSummary c = handshake().at(0.03, fromClient(RST | ACK, 1001, 5001)).only();
        assertThat(c.zeekState()).isEqualTo(KddFlag.RSTO);
        assertThat(c.history()).isEqualTo("ShAR");
    }

    @Test
    void rstrResponderAborts() {
        ConnectionSummary c = handshake()
                .at(0.03, fromClient(PSH | ACK, 1001, 5001).payloadLength(20))
                .at(0.04, fromServer(RST | ACK, 5001, 1021))
                .only();
        assertThat(c.zeekState()).isEqualTo(KddFlag.RSTR);
        assertThat(c.origBytes()).isEqualTo(20);
    }

    @Test
    void rstos0SynThenResetWithoutSynAck() {
        ConnectionSummary c = new TrackerHarness()
                .at(0, fromClient(SYN, 1000, 0))
                .at(0.5, fromClient(RST, 1001, 0))
                .only();
        assertThat(c.zeekState()).isEqualTo(KddFlag.RSTOS0);
        assertThat(c.history()).isEqualTo("SR");
    }

    @Test
    void rstrhSynAckThenResetWithoutSyn() {
        ConnectionSummary c = new TrackerHarness()
                .at(0, fromServer(SYN | ACK, 5000, 1001))
                .at(0.1, fromServer(RST, 5001, 0))
                .only();
        assertThat(c.zeekState()).isEqualTo(KddFlag.RSTRH);
        assertThat(c.kddFlag()).isEqualTo(KddFlag.RSTR);
        // The SYN-ACK's receiver is the originator; the flip is recorded.
        assertThat(c.origAddress()).hasToString(C);
        assertThat(c.history()).isEqualTo("^hr");
    }

    @Test
    void shSynThenFinWithoutSynAck() {
        ConnectionSummary c = new TrackerHarness()
                .at(0, fromClient(SYN, 1000, 0))
                .at(0.1, fromClient(FIN, 1001, 0))
                .only();
        assertThat(c.zeekState()).isEqualTo(KddFlag.SH);
        assertThat(c.history()).isEqualTo("SF");
    }

    @Test
    void shrSynAckThenFinWithoutSyn() {
        ConnectionSummary c = new TrackerHarness()
                .at(0, fromServer(SYN | ACK, 5000, 1001))
                .at(0.1, fromServer(FIN | ACK, 5001, 1001))
                .only();
        assertThat(c.zeekState()).isEqualTo(KddFlag.SHR);
        assertThat(c.kddFlag()).isEqualTo(KddFlag.OTH);
    }

    @Test
    void othMidstreamTraffic() {
        ConnectionSummary c = new TrackerHarness()
                .at(0, fromClient(PSH | ACK, 77_000, 99_000).payloadLength(100))
                .at(0.1, fromServer(PSH | ACK, 99_000, 77_100).payloadLength(40))
                .only();
        assertThat(c.zeekState()).isEqualTo(KddFlag.OTH);
        assertThat(c.history()).isEqualTo("Dd");
        assertThat(c.origBytes()).isEqualTo(100);
        assertThat(c.respBytes()).isEqualTo(40);
    }

    /** Each state and the test above that produces it from frames. */
    private static final Map<KddFlag, String> COVERED = Map.ofEntries(
            Map.entry(KddFlag.S0, "s0SynWithoutReply"),
            Map.entry(KddFlag.REJ, "rejSynAnsweredByReset"),
            Map.entry(KddFlag.SF, "sfNormalEstablishmentAndTermination"),
            Map.entry(KddFlag.S1, "s1EstablishedNotTerminated"),
            Map.entry(KddFlag.S2, "s2CloseAttemptByOriginatorOnly"),
            Map.entry(KddFlag.S3, "s3CloseAttemptByResponderOnly"),
            Map.entry(KddFlag.RSTO, "rstoOriginatorAborts"),
            Map.entry(KddFlag.RSTR, "rstrResponderAborts"),
            Map.entry(KddFlag.RSTOS0, "rstos0SynThenResetWithoutSynAck"),
            Map.entry(KddFlag.RSTRH, "rstrhSynAckThenResetWithoutSyn"),
            Map.entry(KddFlag.SH, "shSynThenFinWithoutSynAck"),
            Map.entry(KddFlag.SHR, "shrSynAckThenFinWithoutSyn"),
            Map.entry(KddFlag.OTH, "othMidstreamTraffic"));

    @Test
    void everyFlagHasItsTest() throws NoSuchMethodException {
        // A state added to KddFlag without a test here fails; so does a listed test that was removed.
        assertThat(COVERED.keySet()).containsExactlyInAnyOrder(KddFlag.values());
        for (String test : COVERED.values()) {
            assertThat(TcpStatesTest.class.getDeclaredMethod(test).isAnnotationPresent(Test.class)).as(test).isTrue();
        }
    }
}

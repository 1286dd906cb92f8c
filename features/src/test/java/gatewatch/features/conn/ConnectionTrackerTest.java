package gatewatch.features.conn;

import static gatewatch.features.encode.Frames.ACK;
import static gatewatch.features.encode.Frames.FIN;
import static gatewatch.features.encode.Frames.PSH;
import static gatewatch.features.encode.Frames.SYN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.features.decode.DecodeCounters;
import gatewatch.features.decode.DecodeStatus;
import gatewatch.features.decode.FrameDecoder;
import gatewatch.features.decode.LinkType;
import gatewatch.features.decode.PacketView;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.ProtocolType;
import gatewatch.features.kdd.Service;
import gatewatch.features.encode.Frames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConnectionTrackerTest {

    @Test
    void retransmittedPayloadIsCountedOnce() {
        TrackerHarness h = new TrackerHarness()
                .at(0, Frames.tcp("10.0.0.1", 1, "10.0.0.2", 23).flags(SYN).seq(100))
                .at(0.1, Frames.tcp("10.0.0.2", 23, "10.0.0.1", 1).flags(SYN | ACK).seq(900).ack(101))
                .at(0.2, Frames.tcp("10.0.0.1", 1, "10.0.0.2", 23).flags(ACK).seq(101).ack(901))
                .at(0.3, Frames.tcp("10.0.0.1", 1, "10.0.0.2", 23).flags(PSH | ACK).seq(101).ack(901).payloadLength(50))
                .at(0.9, Frames.tcp("10.0.0.1", 1, "10.0.0.2", 23).flags(PSH | ACK).seq(101).ack(901).payloadLength(50))
                .at(1.0, Frames.tcp("10.0.0.1", 1, "10.0.0.2", 23).flags(PSH | ACK).seq(151).ack(901).payloadLength(10));
        ConnectionSummary c = h.only();
        assertThat(c.origBytes()).isEqualTo(60);
        assertThat(c.history()).isEqualTo("ShADT");
        assertThat(c.service()).isEqualTo(Service.TELNET);
    }

    @Test
    void bytesAcknowledgedButNotCapturedCountAsPayloadAndGap() {
        ConnectionSummary c = new TrackerHarness()
                .at(0, Frames.tcp("10.0.0.1", 1, "10.0.0.2", 80).flags(SYN).seq(0))
                .at(0.1, Frames.tcp("10.0.0.2", 80, "10.0.0.1", 1).flags(SYN | ACK).seq(0).ack(1))
                .at(0.2, Frames.tcp("10.0.0.1", 1, "10.0.0.2", 80).flags(ACK | PSH).seq(1).ack(1).payloadLength(100))
                // The server acknowledges 300 bytes: 200 were never captured.
                .at(0.3, Frames.tcp("10.0.0.2", 80, "10.0.0.1", 1).flags(ACK).seq(1).ack(301))
                .only();
        assertThat(c.origBytes()).isEqualTo(300);
        assertThat(c.missedBytes()).isEqualTo(200);
        assertThat(c.history()).contains("G");
    }

    @Test
    void attemptTimesOutByPacketTimeNotOnlyWhenTheFlowSendsAgain() {
        TrackerHarness h = new TrackerHarness();
        h.at(0, Frames.tcp("10.0.0.1", 1, "10.0.0.2", 80).flags(SYN).seq(0));
        h.at(4.9, Frames.udp("10.0.0.3", 5, "10.0.0.4", 53).payloadLength(30));
        assertThat(h.records).isEmpty();
        // Another flow's packet 5 s after the SYN moves the clock past the attempt timeout.
        h.at(5.0, Frames.udp("10.0.0.3", 6, "10.0.0.4", 53).payloadLength(30));
        assertThat(h.records).singleElement()
                .satisfies(c -> {
                    assertThat(c.zeekState()).isEqualTo(KddFlag.S0);
                    assertThat(c.finishReason()).isEqualTo(FinishReason.TIMEOUT);
                });
        assertThat(h.tracker.openConnections()).isEqualTo(2);
    }

    @Test
    void advanceTimeAloneExpiresIdleConnections() {
        TrackerHarness h = new TrackerHarness();
        h.at(0, Frames.udp("10.0.0.3", 5, "10.0.0.4", 53).payloadLength(30));
        h.tracker.advanceTime(59_999_999_999L);
        assertThat(h.records).isEmpty();
        h.tracker.advanceTime(60_000_000_000L);
        assertThat(h.records).hasSize(1);
        assertThat(h.tracker.openConnections()).isZero();
    }

    @Test
    void udpRequestAndResponseAreOneConnection() {
        ConnectionSummary c = new TrackerHarness()
                .at(0, Frames.udp("10.0.0.3", 53000, "10.0.0.4", 53).payloadLength(30))
                .at(0.02, Frames.udp("10.0.0.4", 53, "10.0.0.3", 53000).payloadLength(120))
                .only();
        assertThat(c.protocol()).isEqualTo(ProtocolType.UDP);
        assertThat(c.service()).isEqualTo(Service.DOMAIN_U);
        assertThat(c.origBytes()).isEqualTo(30);
        assertThat(c.respBytes()).isEqualTo(120);
        assertThat(c.zeekState()).isEqualTo(KddFlag.SF);
        assertThat(c.kddFlag()).isEqualTo(KddFlag.SF);
    }

    @Test
    void unansweredUdpIsZeekS0ButKddSf() {
        ConnectionSummary c = new TrackerHarness()
                .at(0, Frames.udp("10.0.0.3", 53000, "10.0.0.4", 31337).payloadLength(30)).only();
        assertThat(c.zeekState()).isEqualTo(KddFlag.S0);
        assertThat(c.kddFlag()).isEqualTo(KddFlag.SF);
        assertThat(c.service()).isEqualTo(Service.OTHER);
    }

    @Test
    void eachIcmpMessageIsItsOwnRecord() {
        TrackerHarness h = new TrackerHarness()
                .at(0, Frames.icmp("10.0.0.1", "10.0.0.2", 8, 0).payloadLength(56))
                .at(0.001, Frames.icmp("10.0.0.2", "10.0.0.1", 0, 0).payloadLength(56));
        assertThat(h.records).hasSize(2);
        assertThat(h.records.get(0).service()).isEqualTo(Service.ECO_I);
        assertThat(h.records.get(0).origBytes()).isEqualTo(64);
        assertThat(h.records.get(0).respBytes()).isZero();
        assertThat(h.records.get(1).service()).isEqualTo(Service.ECR_I);
        assertThat(h.records.get(1).origAddress()).hasToString("10.0.0.2");
        assertThat(h.tracker.openConnections()).isZero();
    }

    @Test
    void activeModeFtpDataFromPort20IsFtpData() {
        ConnectionSummary c = new TrackerHarness()
                .at(0, Frames.tcp("10.0.0.2", 20, "10.0.0.1", 40123).flags(SYN).seq(0))
                .only();
        assertThat(c.service()).isEqualTo(Service.FTP_DATA);
        // A named responder port still wins (a client whose source port is 20 talking to a web server).
        ConnectionSummary web = new TrackerHarness()
                .at(0, Frames.tcp("10.0.0.2", 20, "10.0.0.1", 80).flags(SYN).seq(0))
                .only();
        assertThat(web.service()).isEqualTo(Service.HTTP);
    }

    @Test
    void icmpv6NeighbourDiscoveryMakesNoRecordButIsCounted() {
        TrackerHarness h = new TrackerHarness()
                .at(0, Frames.icmp("fe80::1", "ff02::2", 133, 0).payloadLength(8))
                .at(0.1, Frames.icmp("fe80::1", "ff02::1:ff00:2", 135, 0).payloadLength(24))
                .at(0.2, Frames.icmp("2001:db8::1", "2001:db8::2", 128, 0).payloadLength(56));
        assertThat(h.records).singleElement().satisfies(c -> assertThat(c.service()).isEqualTo(Service.ECO_I));
        assertThat(h.counters.linkControl()).isEqualTo(2);
    }

    @Test
    void landIsSameAddressAndPort() {
        ConnectionSummary c = new TrackerHarness()
                .at(0, Frames.tcp("10.0.0.9", 139, "10.0.0.9", 139).flags(SYN).seq(1)).only();
        assertThat(c.land()).isTrue();
    }

    @Test
    void urgentPacketsAreCounted() {
        ConnectionSummary c = new TrackerHarness()
                .at(0, Frames.tcp("10.0.0.1", 1, "10.0.0.2", 139).flags(ACK | Frames.URG).seq(1).ack(1).urgentPointer(3).payloadLength(3))
                .at(0.1, Frames.tcp("10.0.0.1", 1, "10.0.0.2", 139).flags(ACK | Frames.URG).seq(4).ack(1).urgentPointer(3).payloadLength(3))
                .only();
        assertThat(c.urgentPackets()).isEqualTo(2);
    }

    @Test
    void fullTableEvictsTheLeastRecentlyActiveAndReportsIt() {
        TrackerHarness h = new TrackerHarness(2, Timeouts.ZEEK_DEFAULTS);
        h.at(0.0, Frames.udp("10.0.0.1", 1, "10.0.0.2", 53).payloadLength(1));
        h.at(0.1, Frames.udp("10.0.0.1", 2, "10.0.0.2", 53).payloadLength(1));
        h.at(0.2, Frames.udp("10.0.0.1", 1, "10.0.0.2", 53).payloadLength(1));
        h.at(0.3, Frames.udp("10.0.0.1", 3, "10.0.0.2", 53).payloadLength(1));
        assertThat(h.records).singleElement().satisfies(c -> {
            assertThat(c.origPort()).isEqualTo(2);
            assertThat(c.finishReason()).isEqualTo(FinishReason.EVICTED);
        });
        assertThat(h.counters.evicted()).isEqualTo(1);
        assertThat(h.flush()).hasSize(3);
    }

    @Test
    void newSynAfterCloseStartsANewConnection() {
        TrackerHarness h = new TrackerHarness()
                .at(0, Frames.tcp("10.0.0.1", 1, "10.0.0.2", 80).flags(SYN).seq(0))
                .at(0.1, Frames.tcp("10.0.0.2", 80, "10.0.0.1", 1).flags(SYN | ACK).seq(0).ack(1))
                .at(0.2, Frames.tcp("10.0.0.1", 1, "10.0.0.2", 80).flags(FIN | ACK).seq(1).ack(1))
                .at(0.3, Frames.tcp("10.0.0.2", 80, "10.0.0.1", 1).flags(FIN | ACK).seq(1).ack(2))
                .at(1.0, Frames.tcp("10.0.0.1", 1, "10.0.0.2", 80).flags(SYN).seq(70_000));
        assertThat(h.records).singleElement().satisfies(c -> {
            assertThat(c.zeekState()).isEqualTo(KddFlag.SF);
            assertThat(c.finishReason()).isEqualTo(FinishReason.REUSED);
        });
        assertThat(h.flush()).last().satisfies(c -> assertThat(c.zeekState()).isEqualTo(KddFlag.S0));
    }

    @Test
    void closedConnectionLingersFiveSecondsThenIsReported() {
        TrackerHarness h = new TrackerHarness()
                .at(0, Frames.tcp("10.0.0.1", 1, "10.0.0.2", 80).flags(SYN).seq(0))
                .at(0.1, Frames.tcp("10.0.0.2", 80, "10.0.0.1", 1).flags(Frames.RST | ACK).seq(0).ack(1));
        h.tracker.advanceTime(5_099_999_999L);
        assertThat(h.records).isEmpty();
        h.tracker.advanceTime(5_100_000_000L);
        assertThat(h.records).singleElement().satisfies(c -> assertThat(c.zeekState()).isEqualTo(KddFlag.REJ));
    }

    @Test
    void ipv6ConnectionsAreTracked() {
        ConnectionSummary c = new TrackerHarness()
                .at(0, Frames.tcp("2001:db8::1", 5000, "2001:db8::2", 22).flags(SYN).seq(0))
                .at(0.1, Frames.tcp("2001:db8::2", 22, "2001:db8::1", 5000).flags(SYN | ACK).seq(0).ack(1))
                .only();
        assertThat(c.origAddress()).hasToString("2001:db8::1");
        assertThat(c.service()).isEqualTo(Service.SSH);
        assertThat(c.zeekState()).isEqualTo(KddFlag.S1);
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> new Timeouts(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(1)))
                .hasMessageContaining("tcpAttempt");
    }

    /**
     * Each connection times out at the first packet (of any flow) at or after its last activity
     * plus its class's timeout, never earlier and never later, also when the tracker skips the
     * sweep for packets before the earliest deadline it knows of. Checked against a model of the
     * rule on random streams mixing UDP flows (60 s) and unanswered SYNs (5 s), with gaps around
     * both timeouts and deadlines that arrive out of order (a SYN's 5 s after a UDP flow's 60 s).
     */
    @Test
    void everyConnectionTimesOutAtTheFirstPacketPastItsDeadline() {
        long udpTimeout = Timeouts.ZEEK_DEFAULTS.nanos(TimeoutClass.UDP);
        long synTimeout = Timeouts.ZEEK_DEFAULTS.nanos(TimeoutClass.TCP_ATTEMPT);
        SplittableRandom r = new SplittableRandom(7);
        for (int run = 0; run < 20; run++) {
            int[] packetIndex = {0};
            List<String> reported = new ArrayList<>();
            ConnectionTracker tracker = new ConnectionTracker(1000, Timeouts.ZEEK_DEFAULTS,
                    (c, reason) -> reported.add(c.origPort() + "/" + c.respPort() + "@" + c.startNanos() + " " + reason
                            + " before packet " + packetIndex[0]),
                    new TrackerCounters());
            FrameDecoder decoder = new FrameDecoder(
                    new DecodeCounters());
            PacketView view = new PacketView();
            // The model: per flow, its start and last activity while open.
            Map<String, long[]> open = new LinkedHashMap<>();
            List<String> expected = new ArrayList<>();
            long t = 0;
            for (int i = 0; i < 400; i++) {
                int gap = r.nextInt(100);
                t += gap < 80 ? r.nextLong(1_000_000_000L) : gap < 90 ? r.nextLong(4_000_000_000L, 7_000_000_000L)
                        : r.nextLong(55_000_000_000L, 65_000_000_000L);
                if (r.nextInt(20) == 0) {
                    t += (1_000_000_000L - t % 1_000_000_000L) % 1_000_000_000L; // on a whole second: deadlines met exactly
                }
                boolean udp = r.nextBoolean();
                int srcPort = udp ? 1000 + r.nextInt(5) : 2000 + r.nextInt(5);
                int dstPort = udp ? 53 : 80;
                long now = t;
                packetIndex[0] = i;
                open.entrySet().removeIf(e -> {
                    long[] f = e.getValue();
                    boolean isUdp = e.getKey().endsWith("/53");
                    if (now - f[1] >= (isUdp ? udpTimeout : synTimeout)) {
                        expected.add(e.getKey() + "@" + f[0] + " TIMEOUT before packet " + packetIndex[0]);
                        return true;
                    }
                    return false;
                });
                open.compute(srcPort + "/" + dstPort, (k, f) -> f == null ? new long[] {now, now} : new long[] {f[0], now});
                Frames.Packet p = udp ? Frames.udp("10.0.0.1", srcPort, "10.0.0.9", dstPort).payloadLength(20)
                        : Frames.tcp("10.0.0.1", srcPort, "10.0.0.9", dstPort).flags(SYN).seq(5000);
                byte[] frame = p.ethernet();
                assertThat(decoder.decode(frame, 0, frame.length, frame.length, LinkType.ETHERNET,
                        t, view)).isEqualTo(DecodeStatus.PACKET);
                tracker.onPacket(view);
            }
            packetIndex[0] = 400;
            open.forEach((k, f) -> expected.add(k + "@" + f[0] + " FLUSHED before packet 400"));
            tracker.flush();
            assertThat(reported).as("run %d", run).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}

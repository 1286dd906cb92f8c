package gatewatch.features.window;

import static gatewatch.features.kdd.KddFeature.COUNT;
import static gatewatch.features.kdd.KddFeature.DIFF_SRV_RATE;
import static gatewatch.features.kdd.KddFeature.DST_HOST_COUNT;
import static gatewatch.features.kdd.KddFeature.DST_HOST_DIFF_SRV_RATE;
import static gatewatch.features.kdd.KddFeature.DST_HOST_RERROR_RATE;
import static gatewatch.features.kdd.KddFeature.DST_HOST_SAME_SRC_PORT_RATE;
import static gatewatch.features.kdd.KddFeature.DST_HOST_SERROR_RATE;
import static gatewatch.features.kdd.KddFeature.DST_HOST_SRV_COUNT;
import static gatewatch.features.kdd.KddFeature.DST_HOST_SRV_DIFF_HOST_RATE;
import static gatewatch.features.kdd.KddFeature.RERROR_RATE;
import static gatewatch.features.kdd.KddFeature.SAME_SRV_RATE;
import static gatewatch.features.kdd.KddFeature.SERROR_RATE;
import static gatewatch.features.kdd.KddFeature.SRV_COUNT;
import static gatewatch.features.kdd.KddFeature.SRV_DIFF_HOST_RATE;
import static gatewatch.features.encode.Frames.ACK;
import static gatewatch.features.encode.Frames.RST;
import static gatewatch.features.encode.Frames.SYN;
import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.Service;
import gatewatch.features.encode.Frames;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The attacks of the issue, built as frames and run through the real decoder and tracker: the
 * window features must look like the KDD records of the matching attack, in report order and in
 * start order alike (each attack is reported in start order).
 */
class TrafficWindowsScenarioTest {

    private static PipelineHarness harness(boolean startOrder) {
        return new PipelineHarness(startOrder ? WindowConfig.startOrder() : WindowConfig.reportOrder());
    }

    @ParameterizedTest(name = "start order: {0}")
    @ValueSource(booleans = {false, true})
    void aSpoofedSynFloodLooksLikeNeptune(boolean startOrder) {
        // 3,000 SYNs in one second from random sources to random high ports of one host.
        SplittableRandom rnd = new SplittableRandom(1);
        PipelineHarness h = harness(startOrder);
        for (int i = 0; i < 3000; i++) {
            String src = "198.51." + rnd.nextInt(256) + "." + (1 + rnd.nextInt(254));
            h.at(10 + i / 3000.0, Frames.tcp(src, 1024 + rnd.nextInt(60000), "10.0.0.2", 1024 + rnd.nextInt(60000))
                    .flags(SYN).seq(rnd.nextInt()));
        }
        h.at(30, Frames.udp("10.0.0.9", 5000, "10.0.0.8", 53).payloadLength(30));
        List<ConnectionRecord> flood = h.finish().stream()
                .filter(r -> r.conn().kddFlag() == KddFlag.S0).toList();

        assertThat(flood).hasSize(3000);
        // In start order (the tracker reported them 5 s after their SYNs).
        assertThat(flood).isSortedAccordingTo((a, b) -> Long.compare(a.conn().startNanos(), b.conn().startNanos()));
        assertThat(flood.subList(1000, 3000)).allSatisfy(r -> {
            assertThat(r.features().get(COUNT)).isEqualTo(511);
            assertThat(r.features().get(SERROR_RATE)).isEqualTo(1);
            assertThat(r.features().get(SAME_SRV_RATE)).isLessThan(0.05);
            assertThat(r.features().get(DST_HOST_COUNT)).isEqualTo(255);
            assertThat(r.features().get(DST_HOST_SERROR_RATE)).isEqualTo(1);
        });
        assertThat(h.windows().counters().late()).isZero();
    }

    @ParameterizedTest(name = "start order: {0}")
    @ValueSource(booleans = {false, true})
    void aSynScanOfClosedPortsLooksLikeSatanOrPortsweep(boolean startOrder) {
        PipelineHarness h = harness(startOrder);
        for (int port = 1; port <= 1000; port++) {
            double t = 10 + port * 0.0005;
            h.at(t, Frames.tcp("192.0.2.7", 61000, "10.0.0.2", port).flags(SYN).seq(1));
            h.at(t + 0.0001, Frames.tcp("10.0.0.2", port, "192.0.2.7", 61000).flags(RST | ACK).seq(0).ack(2));
        }
        List<ConnectionRecord> scan = h.finish();

        assertThat(scan).hasSize(1000).allSatisfy(r -> assertThat(r.conn().kddFlag()).isEqualTo(KddFlag.REJ));
        ConnectionRecord last = scan.getLast();
        assertThat(last.features().get(COUNT)).isEqualTo(511);
        assertThat(last.features().get(RERROR_RATE)).isEqualTo(1);
        // Every probe a different service (most ports are "other", one key per port).
        assertThat(last.features().get(DIFF_SRV_RATE)).isGreaterThan(0.9);
        assertThat(last.features().get(SRV_COUNT)).isLessThan(5);
        assertThat(last.features().get(DST_HOST_DIFF_SRV_RATE)).isGreaterThan(0.9);
        assertThat(last.features().get(DST_HOST_RERROR_RATE)).isEqualTo(1);
        // Same source port for every probe, as nmap does.
        assertThat(last.features().get(DST_HOST_SAME_SRC_PORT_RATE)).isEqualTo(1);
    }

    @ParameterizedTest(name = "start order: {0}")
    @ValueSource(booleans = {false, true})
    void anIcmpSweepLooksLikeIpsweep(boolean startOrder) {
        PipelineHarness h = harness(startOrder);
        for (int host = 1; host <= 254; host++) {
            h.at(10 + host * 0.01, Frames.icmp("192.0.2.7", "10.0.1." + host, 8, 0).icmpId(host));
        }
        List<ConnectionRecord> sweep = h.finish();

        assertThat(sweep).hasSize(254).allSatisfy(r -> {
            assertThat(r.conn().service()).isEqualTo(Service.ECO_I);
            assertThat(r.features().get(COUNT)).isEqualTo(1);
            assertThat(r.features().get(DST_HOST_COUNT)).isEqualTo(1);
        });
        ConnectionRecord last = sweep.getLast();
        assertThat(last.features().get(SRV_COUNT)).isEqualTo(200);
        assertThat(last.features().get(SRV_DIFF_HOST_RATE)).isEqualTo(1);
        assertThat(last.features().get(DST_HOST_SRV_COUNT)).isEqualTo(254);
        assertThat(last.features().get(DST_HOST_SRV_DIFF_HOST_RATE)).isEqualTo(1);
    }

    @ParameterizedTest(name = "start order: {0}")
    @ValueSource(booleans = {false, true})
    void aBurstOfEchoRepliesIsASmurfByVolumeAndASlowPingIsNot(boolean startOrder) {
        // smurf: 1,000 echo replies of 1,024 bytes in one second from many reflectors to one victim.
        PipelineHarness h = harness(startOrder);
        for (int i = 0; i < 1000; i++) {
            h.at(10 + i / 1000.0, Frames.icmp("203.0.113." + (1 + i % 200), "10.0.0.9", 0, 0).icmpId(i).payloadLength(1024));
        }
        // A human-rate ping: one echo request and its reply a second, ten times, between two other hosts.
        for (int i = 0; i < 10; i++) {
            h.at(20 + i, Frames.icmp("10.0.0.5", "10.0.0.6", 8, 0).icmpId(i).payloadLength(56));
            h.at(20.0005 + i, Frames.icmp("10.0.0.6", "10.0.0.5", 0, 0).icmpId(i).payloadLength(56));
        }
        List<ConnectionRecord> all = h.finish();

        ConnectionRecord smurf = all.get(999);
        assertThat(smurf.conn().service()).isEqualTo(Service.ECR_I);
        assertThat(smurf.features().get(COUNT)).isEqualTo(511);
        assertThat(smurf.features().get(SRV_COUNT)).isEqualTo(511);
        assertThat(smurf.features().get(SAME_SRV_RATE)).isEqualTo(1);
        assertThat(smurf.features().get(DST_HOST_COUNT)).isEqualTo(255);
        // A reply a second is not a smurf: its 2-second window holds itself and the previous reply.
        ConnectionRecord reply = all.getLast();
        assertThat(reply.conn().service()).isEqualTo(Service.ECR_I);
        assertThat(reply.features().get(COUNT)).isEqualTo(2);
        assertThat(reply.features().get(SRV_COUNT)).isEqualTo(2);
        // The pinger receives only replies: all of "the same source port" (type 0), as in 339 of
        // the 345 normal ecr_i rows of the KDD data.
        assertThat(reply.features().get(DST_HOST_SAME_SRC_PORT_RATE)).isEqualTo(1);
    }
}

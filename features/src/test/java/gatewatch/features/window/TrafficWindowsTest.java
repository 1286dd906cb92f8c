package gatewatch.features.window;

import static gatewatch.features.kdd.KddFeature.COUNT;
import static gatewatch.features.kdd.KddFeature.DIFF_SRV_RATE;
import static gatewatch.features.kdd.KddFeature.DST_HOST_COUNT;
import static gatewatch.features.kdd.KddFeature.DST_HOST_DIFF_SRV_RATE;
import static gatewatch.features.kdd.KddFeature.DST_HOST_SAME_SRC_PORT_RATE;
import static gatewatch.features.kdd.KddFeature.DST_HOST_SAME_SRV_RATE;
import static gatewatch.features.kdd.KddFeature.DST_HOST_SERROR_RATE;
import static gatewatch.features.kdd.KddFeature.DST_HOST_SRV_COUNT;
import static gatewatch.features.kdd.KddFeature.DST_HOST_SRV_DIFF_HOST_RATE;
import static gatewatch.features.kdd.KddFeature.DST_HOST_SRV_RERROR_RATE;
import static gatewatch.features.kdd.KddFeature.DST_HOST_SRV_SERROR_RATE;
import static gatewatch.features.kdd.KddFeature.RERROR_RATE;
import static gatewatch.features.kdd.KddFeature.SAME_SRV_RATE;
import static gatewatch.features.kdd.KddFeature.SERROR_RATE;
import static gatewatch.features.kdd.KddFeature.SRV_COUNT;
import static gatewatch.features.kdd.KddFeature.SRV_DIFF_HOST_RATE;
import static gatewatch.features.kdd.KddFeature.SRV_RERROR_RATE;
import static gatewatch.features.kdd.KddFeature.SRV_SERROR_RATE;
import static gatewatch.features.window.Synthetic.icmp;
import static gatewatch.features.window.Synthetic.nanos;
import static gatewatch.features.window.Synthetic.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.KddRecord;
import gatewatch.features.kdd.Service;
import gatewatch.features.window.Synthetic.Stage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficWindowsTest {

    private static double f(ConnectionRecord r, KddFeature f) {
        return r.features().get(f);
    }

    @Test
    void aConnectionAloneSeesItselfAndItsOwnErrorClass() {
        KddRecord s0 = Stage.inReportOrder().accept(tcp(1, 1, 40000, 1, 80, KddFlag.S0)).last().features();
        assertThat(s0.get(COUNT)).isEqualTo(1);
        assertThat(s0.get(SRV_COUNT)).isEqualTo(1);
        assertThat(s0.get(SERROR_RATE)).isEqualTo(1);
        assertThat(s0.get(SRV_SERROR_RATE)).isEqualTo(1);
        assertThat(s0.get(RERROR_RATE)).isZero();
        assertThat(s0.get(SAME_SRV_RATE)).isEqualTo(1);
        assertThat(s0.get(DIFF_SRV_RATE)).isZero();
        assertThat(s0.get(SRV_DIFF_HOST_RATE)).isZero();
        assertThat(s0.get(DST_HOST_COUNT)).isEqualTo(1);
        assertThat(s0.get(DST_HOST_SRV_COUNT)).isEqualTo(1);
        assertThat(s0.get(DST_HOST_SAME_SRV_RATE)).isEqualTo(1);
        assertThat(s0.get(DST_HOST_DIFF_SRV_RATE)).isZero();
        assertThat(s0.get(DST_HOST_SAME_SRC_PORT_RATE)).isEqualTo(1);
        assertThat(s0.get(DST_HOST_SRV_DIFF_HOST_RATE)).isZero();
        assertThat(s0.get(DST_HOST_SERROR_RATE)).isEqualTo(1);
        assertThat(s0.get(DST_HOST_SRV_SERROR_RATE)).isEqualTo(1);

        KddRecord rej = Stage.inReportOrder().accept(tcp(1, 1, 40000, 1, 80, KddFlag.REJ)).last().features();
        assertThat(rej.get(SERROR_RATE)).isZero();
        assertThat(rej.get(RERROR_RATE)).isEqualTo(1);
        assertThat(rej.get(SRV_RERROR_RATE)).isEqualTo(1);
        assertThat(rej.get(DST_HOST_SRV_RERROR_RATE)).isEqualTo(1);
    }

    @Test
    void aConnectionExactlyTwoSecondsEarlierIsOutsideTheWindow() {
        List<ConnectionRecord> out = Stage.inReportOrder()
                .accept(tcp(10, 1, 40000, 1, 80, KddFlag.SF), tcp(12, 1, 40001, 1, 80, KddFlag.SF)).flush();
        assertThat(f(out.get(1), COUNT)).isEqualTo(1);
        assertThat(f(out.get(1), SRV_COUNT)).isEqualTo(1);
        // The host window has no time limit.
        assertThat(f(out.get(1), DST_HOST_COUNT)).isEqualTo(2);
    }

    @Test
    void aConnectionOneNanosecondLessThanTwoSecondsEarlierIsInside() {
        ConnectionSummary first = tcp(10, 1, 40000, 1, 80, KddFlag.SF);
        ConnectionSummary second = Synthetic.of(first.startNanos() + 1_999_999_999L, first.startNanos() + 1_999_999_999L,
                1, 40001, 1, 80, 6, Service.HTTP, KddFlag.SF);
        List<ConnectionRecord> out = Stage.inReportOrder().accept(first, second).flush();
        assertThat(f(out.get(1), COUNT)).isEqualTo(2);
    }

    @Test
    void connectionsStartingAtTheSameInstantSeeThoseReportedBeforeThem() {
        List<ConnectionRecord> out = Stage.inReportOrder()
                .accept(tcp(5, 1, 40000, 1, 80, KddFlag.SF), tcp(5, 2, 40000, 1, 80, KddFlag.S0)).flush();
        assertThat(f(out.get(0), COUNT)).isEqualTo(1);
        assertThat(f(out.get(1), COUNT)).isEqualTo(2);
        assertThat(f(out.get(1), SERROR_RATE)).isEqualTo(0.5);
    }

    @Test
    void theTimeWindowHoldsAtMost511Connections() {
        Stage stage = Stage.inReportOrder();
        for (int i = 0; i < 600; i++) {
            stage.accept(tcp(1, i, 40000, 1, 80, KddFlag.S0));
        }
        List<ConnectionRecord> out = stage.flush();
        assertThat(f(out.get(509), COUNT)).isEqualTo(510);
        assertThat(f(out.get(510), COUNT)).isEqualTo(511);
        assertThat(out.subList(510, 600)).allSatisfy(r -> {
            assertThat(f(r, COUNT)).isEqualTo(511);
            assertThat(f(r, SRV_COUNT)).isEqualTo(511);
            assertThat(f(r, SERROR_RATE)).isEqualTo(1);
            assertThat(f(r, DST_HOST_COUNT)).isEqualTo(255);
            assertThat(f(r, DST_HOST_SRV_COUNT)).isEqualTo(255);
        });
    }

    @Test
    void the511AreAllConnectionsNotOnlyThoseOfOneHost() {
        // 400 to host 1, then 200 to host 2, all at once: host 1 has 311 of the last 511 left.
        Stage stage = Stage.inReportOrder();
        for (int i = 0; i < 400; i++) {
            stage.accept(tcp(1, i, 40000, 1, 80, KddFlag.SF));
        }
        for (int i = 0; i < 200; i++) {
            stage.accept(tcp(1, i, 40000, 2, 25, KddFlag.SF));
        }
        ConnectionRecord last = stage.accept(tcp(1, 0, 40000, 1, 80, KddFlag.SF)).last();
        assertThat(f(last, COUNT)).isEqualTo(311);
        assertThat(f(last, SRV_COUNT)).isEqualTo(311);
        assertThat(f(last, SAME_SRV_RATE)).isEqualTo(1);
    }

    @Test
    void theHostWindowIsTheLast255ConnectionsOfAllHostsHoweverOld() {
        Stage stage = Stage.inReportOrder();
        for (int i = 0; i < 300; i++) {
            stage.accept(tcp(10.0 * i, 1, 40000, 1, 80, KddFlag.SF));
        }
        ConnectionRecord other = stage.accept(tcp(3000, 1, 40000, 2, 80, KddFlag.SF)).last();
        ConnectionRecord back = stage.accept(tcp(3010, 1, 40000, 1, 80, KddFlag.SF)).last();
        List<ConnectionRecord> out = stage.flush();
        assertThat(f(out.get(253), DST_HOST_COUNT)).isEqualTo(254);
        assertThat(f(out.get(299), DST_HOST_COUNT)).isEqualTo(255);
        assertThat(f(out.get(299), COUNT)).isEqualTo(1);
        assertThat(f(other, DST_HOST_COUNT)).isEqualTo(1);
        // Same service on another host: counted in dst_host_srv_count, which exceeds dst_host_count.
        assertThat(f(other, DST_HOST_SRV_COUNT)).isEqualTo(255);
        assertThat(f(other, DST_HOST_SAME_SRV_RATE)).isEqualTo(1);
        assertThat(f(other, DST_HOST_SRV_DIFF_HOST_RATE)).isEqualTo(KddRate.of(2, 255));
        assertThat(f(back, DST_HOST_COUNT)).isEqualTo(254);
    }

    @Test
    void differentServiceAndHostRatesCountDistinctValues() {
        // Host 1: http, smtp, smtp, then ftp: 3 distinct services among 4 connections.
        Stage stage = Stage.inReportOrder().accept(
                tcp(1.0, 1, 40000, 1, 80, KddFlag.SF), tcp(1.1, 1, 40001, 1, 25, KddFlag.SF),
                tcp(1.2, 1, 40002, 1, 25, KddFlag.SF), tcp(1.3, 1, 40003, 1, 21, KddFlag.SF));
        ConnectionRecord ftp = stage.last();
        assertThat(f(ftp, COUNT)).isEqualTo(4);
        assertThat(f(ftp, SAME_SRV_RATE)).isEqualTo(0.25);
        assertThat(f(ftp, DIFF_SRV_RATE)).isEqualTo(0.75);
        assertThat(f(ftp, DST_HOST_DIFF_SRV_RATE)).isEqualTo(0.75);
        // Two connections, two services: 2 distinct of 2, although only one other connection.
        ConnectionRecord two = Stage.inReportOrder()
                .accept(tcp(1.0, 1, 40000, 1, 80, KddFlag.SF), tcp(1.1, 1, 40001, 1, 25, KddFlag.SF)).last();
        assertThat(f(two, SAME_SRV_RATE)).isEqualTo(0.5);
        assertThat(f(two, DIFF_SRV_RATE)).isEqualTo(1);
        // http to hosts 1, 2, 2, 3: 3 distinct hosts among 4 same-service connections.
        ConnectionRecord http = Stage.inReportOrder().accept(
                tcp(1.0, 1, 40000, 1, 80, KddFlag.SF), tcp(1.1, 1, 40001, 2, 80, KddFlag.SF),
                tcp(1.2, 1, 40002, 2, 80, KddFlag.SF), tcp(1.3, 1, 40003, 3, 80, KddFlag.SF)).last();
        assertThat(f(http, SRV_COUNT)).isEqualTo(4);
        assertThat(f(http, SRV_DIFF_HOST_RATE)).isEqualTo(0.75);
        assertThat(f(http, DST_HOST_SRV_DIFF_HOST_RATE)).isEqualTo(0.75);
    }

    @Test
    void sameSourcePortRateIsAboutTheDestinationHostsConnections() {
        ConnectionRecord r = Stage.inReportOrder().accept(
                tcp(1.0, 1, 5000, 1, 80, KddFlag.SF), tcp(1.1, 2, 5000, 1, 25, KddFlag.SF),
                tcp(1.2, 3, 6000, 1, 80, KddFlag.SF), tcp(1.3, 1, 5000, 2, 80, KddFlag.SF),
                tcp(1.4, 4, 5000, 1, 21, KddFlag.SF)).last();
        // Host 1 has 4 connections, 3 of them from source port 5000 (whatever the source host or service).
        assertThat(f(r, DST_HOST_COUNT)).isEqualTo(4);
        assertThat(f(r, DST_HOST_SAME_SRC_PORT_RATE)).isEqualTo(0.75);
    }

    @Test
    void privatePortsAreOneServiceEachNamedServicesOneWhateverThePort() {
        Stage stage = Stage.inReportOrder();
        for (int i = 0; i < 100; i++) {
            stage.accept(tcp(1 + i * 0.001, 1, 40000 + i, 1, 20000 + i % 10, KddFlag.S0));
        }
        ConnectionRecord flood = stage.last();
        assertThat(f(flood, COUNT)).isEqualTo(100);
        assertThat(f(flood, SRV_COUNT)).isEqualTo(10);
        assertThat(f(flood, SAME_SRV_RATE)).isEqualTo(0.1);
        assertThat(f(flood, DIFF_SRV_RATE)).isEqualTo(0.1);

        ConnectionRecord x11 = Stage.inReportOrder()
                .accept(tcp(1.0, 1, 40000, 1, 6000, KddFlag.SF), tcp(1.1, 1, 40001, 1, 6001, KddFlag.SF)).last();
        assertThat(f(x11, SRV_COUNT)).isEqualTo(2);
    }

    @Test
    void icmpMessagesAreKeyedByTheirService() {
        ConnectionRecord r = Stage.inReportOrder().accept(
                icmp(1.0, 1, 1, Service.ECO_I), icmp(1.1, 1, 2, Service.ECO_I), icmp(1.2, 2, 1, Service.ECR_I)).last();
        assertThat(f(r, COUNT)).isEqualTo(2);
        assertThat(f(r, SRV_COUNT)).isEqualTo(1);
        assertThat(f(r, SAME_SRV_RATE)).isEqualTo(0.5);
    }

    @Test
    void anIcmpMessagesSourcePortIsItsTypeAsBroWritesIt() {
        // Host 1 pings host 2 and answers host 2's pings: host 1 receives echo replies and
        // echo requests. Each type is its own "source port", as in the KDD rows where
        // dst_host_same_src_port_rate equals dst_host_same_srv_rate for ICMP.
        ConnectionRecord r = Stage.inReportOrder().accept(
                icmp(1.0, 2, 1, Service.ECR_I), icmp(2.0, 2, 1, Service.ECO_I),
                icmp(3.0, 2, 1, Service.ECR_I), icmp(4.0, 2, 1, Service.ECO_I)).last();
        assertThat(f(r, DST_HOST_COUNT)).isEqualTo(4);
        assertThat(f(r, DST_HOST_SAME_SRV_RATE)).isEqualTo(0.5);
        assertThat(f(r, DST_HOST_SAME_SRC_PORT_RATE)).isEqualTo(0.5);
    }

    @Test
    void aSourcePortIsTypedByProtocol() {
        // An echo request (type 8) is not "from port 8" of TCP, nor is a TCP port a UDP port.
        ConnectionRecord r = Stage.inReportOrder().accept(
                tcp(1.0, 1, 8, 1, 80, KddFlag.SF), icmp(1.5, 1, 1, Service.ECO_I),
                Synthetic.of(nanos(2.0), nanos(2.0), 1, 8, 1, 53, 17, Service.DOMAIN_U, KddFlag.SF)).last();
        assertThat(f(r, DST_HOST_COUNT)).isEqualTo(3);
        assertThat(f(r, DST_HOST_SAME_SRC_PORT_RATE)).isEqualTo(KddRate.of(1, 3));
    }

    @Test
    void anEstablishedConnectionOpenAtTheEndRaisesNoErrorRate() {
        // Cut off by the end of the capture: S1 only because its close was not seen.
        ConnectionSummary cut = Synthetic.openAtEnd(tcp(1.0, 1, 40000, 1, 80, KddFlag.S1), "ShADad");
        List<ConnectionRecord> out = Stage.inReportOrder().accept(cut, tcp(1.5, 1, 40001, 1, 80, KddFlag.SF)).flush();
        for (ConnectionRecord r : out) {
            assertThat(f(r, SERROR_RATE)).isZero();
            assertThat(f(r, SRV_SERROR_RATE)).isZero();
            assertThat(f(r, DST_HOST_SERROR_RATE)).isZero();
            assertThat(f(r, DST_HOST_SRV_SERROR_RATE)).isZero();
        }
        assertThat(out.getFirst().conn().kddFlag()).isEqualTo(KddFlag.S1);
    }

    @Test
    void anUnansweredAttemptOpenAtTheEndIsStillASynError() {
        // A SYN flood that the capture cuts off within the attempt timeout: every S0 is flushed.
        ConnectionSummary s0 = Synthetic.openAtEnd(tcp(1.0, 1, 40000, 1, 80, KddFlag.S0), "S");
        ConnectionSummary halfOpen = Synthetic.openAtEnd(tcp(1.1, 2, 40000, 1, 80, KddFlag.S1), "Sh");
        ConnectionRecord r = Stage.inReportOrder().accept(s0, halfOpen, tcp(1.5, 1, 40001, 1, 80, KddFlag.SF)).last();
        assertThat(f(r, SERROR_RATE)).isEqualTo(KddRate.of(2, 3));
        assertThat(f(r, DST_HOST_SERROR_RATE)).isEqualTo(KddRate.of(2, 3));
    }

    @Test
    void connectionsReportedOutOfOrderArePlacedByStartTime() {
        Stage stage = new Stage(WindowConfig.startOrder());
        ConnectionSummary early = Synthetic.endingAt(tcp(100, 1, 40000, 1, 80, KddFlag.S0), nanos(100));
        ConnectionSummary later = tcp(102.5, 1, 40001, 1, 80, KddFlag.SF);
        // The tracker reports the S0 attempt 5 s after its SYN, after the later connection.
        stage.windows.advanceTime(nanos(102.6));
        stage.accept(later);
        stage.windows.advanceTime(nanos(105));
        stage.accept(early);
        assertThat(stage.out).isEmpty();
        assertThat(stage.windows.waiting()).isEqualTo(2);
        stage.windows.advanceTime(nanos(110));
        assertThat(stage.out).extracting(ConnectionRecord::conn).containsExactly(early);
        stage.windows.advanceTime(nanos(112.5));
        assertThat(stage.out).extracting(ConnectionRecord::conn).containsExactly(early, later);
        assertThat(f(stage.out.get(1), DST_HOST_COUNT)).isEqualTo(2);
        assertThat(f(stage.out.get(1), COUNT)).isEqualTo(1);
        assertThat(stage.windows.counters().late()).isZero();
    }

    @Test
    void aConnectionReportedAfterTheHoldIsPlacedAtTheLatestPlacementAndCounted() {
        Stage stage = new Stage(WindowConfig.defaults().withReorder(Duration.ofSeconds(1), 16));
        stage.accept(tcp(100, 1, 40000, 1, 80, KddFlag.SF));
        stage.windows.advanceTime(nanos(101));
        ConnectionSummary udp = Synthetic.of(nanos(40), nanos(41), 2, 5353, 1, 53, 17, Service.DOMAIN_U, KddFlag.SF);
        stage.accept(udp);
        stage.windows.flush();
        ConnectionRecord late = stage.out.get(1);
        assertThat(late.conn()).isSameAs(udp);
        // Placed at 100 s, next to the connection placed before it, not 60 s in the past.
        assertThat(f(late, COUNT)).isEqualTo(2);
        assertThat(stage.windows.counters().late()).isEqualTo(1);
        assertThat(stage.windows.counters().maxLatenessNanos()).isEqualTo(nanos(60));
    }

    @Test
    void lateConnectionsKeepTheSpacingOfTheirArrivalsWhenLittleElseIsPlaced() {
        Stage stage = new Stage(WindowConfig.startOrder());
        stage.accept(tcp(100, 1, 40000, 1, 80, KddFlag.SF));
        stage.windows.advanceTime(nanos(110));
        // Three DNS flows of 52 s, 53 s and 55 s, reported 60 s later, after the TCP connection was placed.
        for (double start : new double[] {52, 53, 55}) {
            stage.windows.advanceTime(nanos(start + 60));
            stage.accept(Synthetic.of(nanos(start), nanos(start), 2, 5353, 9, 53, 17, Service.DOMAIN_U, KddFlag.SF));
        }
        List<ConnectionRecord> out = stage.flush();
        // Placed at the due times 102, 103 and 105 s: one second, then two seconds apart, as they came.
        assertThat(f(out.get(1), COUNT)).isEqualTo(1);
        assertThat(f(out.get(2), COUNT)).isEqualTo(2);
        assertThat(f(out.get(3), COUNT)).isEqualTo(1);
        assertThat(f(out.get(3), DST_HOST_COUNT)).isEqualTo(3);
        assertThat(stage.windows.counters().late()).isEqualTo(3);
        assertThat(stage.windows.counters().maxLatenessNanos()).isEqualTo(nanos(50));
    }

    @Test
    void aFullBufferReleasesTheEarliestEarlyAndCountsIt() {
        Stage stage = new Stage(WindowConfig.defaults().withReorder(Duration.ofHours(1), 3));
        for (int i = 0; i < 5; i++) {
            stage.accept(tcp(i, 1, 40000, 1, 80, KddFlag.SF));
        }
        assertThat(stage.windows.waiting()).isEqualTo(3);
        assertThat(stage.out).hasSize(2);
        assertThat(stage.windows.counters().forced()).isEqualTo(2);
        assertThat(stage.flush()).hasSize(5);
        assertThat(stage.windows.counters().released()).isEqualTo(5);
    }

    @Test
    void zeroHoldEmitsEachConnectionAsItIsReported() {
        Stage stage = Stage.inReportOrder();
        stage.accept(tcp(1, 1, 40000, 1, 80, KddFlag.SF));
        assertThat(stage.out).hasSize(1);
        assertThat(stage.windows.waiting()).isZero();
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfDistinctAddresses() {
        // Every window table is allocated for its window's size and throws if a key more is ever needed.
        int[] emitted = {0};
        TrafficWindows w = new TrafficWindows(WindowConfig.defaults().withReorder(Duration.ofSeconds(10), 1000),
                r -> emitted[0]++);
        for (int i = 0; i < 300_000; i++) {
            long t = 1_000_000_000_000L + i * 1_000L;
            w.accept(Synthetic.of(t, t, i, 1 + i % 60000, i, 1024 + i % 60000, 6, Service.PRIVATE, KddFlag.S0),
                    Synthetic.basic(0));
            assertThat(w.waiting()).isLessThanOrEqualTo(1000);
        }
        w.flush();
        assertThat(emitted[0]).isEqualTo(300_000);
    }

    @Test
    void aFeatureVectorMustHave41Values() {
        TrafficWindows w = new TrafficWindows(WindowConfig.defaults(), r -> { });
        assertThatThrownBy(() -> w.accept(tcp(1, 1, 1, 1, 80, KddFlag.SF), new double[40]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("41");
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        Duration two = Duration.ofSeconds(2);
        assertThatThrownBy(() -> new WindowConfig(Duration.ZERO, 511, 255, two, 10))
                .hasMessageContaining("timeWindow");
        assertThatThrownBy(() -> new WindowConfig(two, 0, 255, two, 10))
                .hasMessageContaining("timeWindowConnections");
        assertThatThrownBy(() -> new WindowConfig(two, 511, -1, two, 10))
                .hasMessageContaining("hostWindowConnections");
        assertThatThrownBy(() -> new WindowConfig(two, 511, 255, Duration.ofSeconds(-1), 10))
                .hasMessageContaining("reorderHold");
        assertThatThrownBy(() -> new WindowConfig(two, 511, 255, two, 0))
                .hasMessageContaining("reorderCapacity");
        assertThatThrownBy(() -> new WindowConfig(two, 511, 255, Duration.ofDays(400), 10))
                .hasMessageContaining("reorderHold");
        assertThatThrownBy(() -> new WindowConfig(two, WindowConfig.MAX_WINDOW + 1, 255, two, 10))
                .hasMessageContaining("timeWindowConnections");
        assertThat(WindowConfig.startOrder()).isEqualTo(new WindowConfig(two, 511, 255, Duration.ofSeconds(10), 4_096));
        assertThat(WindowConfig.defaults()).isEqualTo(WindowConfig.reportOrder())
                .isEqualTo(new WindowConfig(two, 511, 255, Duration.ZERO, 4_096));
    }
}

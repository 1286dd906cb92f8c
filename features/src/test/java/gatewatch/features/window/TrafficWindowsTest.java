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
import gatewatch.features.window.Synthetic.Open;
import gatewatch.features.window.Synthetic.Stage;
import java.util.ArrayList;
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
    void echoRepliesAreASmurfByVolumeNotByTheirSharedPort() {
        // ICMP has no ports: every message stands on port 0, as in the KDD data, where 339 of the
        // 345 normal ecr_i rows have dst_host_same_src_port_rate 1.00. A slow ping is told from a
        // smurf by count and srv_count (normal ecr_i: at most 6; smurf: 445 or more in 99 %).
        Stage slow = new Stage(WindowConfig.defaults());
        for (int i = 0; i < 30; i++) {
            slow.accept(icmp(3 * i, 1, 1, Service.ECR_I));
        }
        ConnectionRecord ping = slow.last();
        assertThat(f(ping, COUNT)).isEqualTo(1);
        assertThat(f(ping, SRV_COUNT)).isEqualTo(1);
        assertThat(f(ping, DST_HOST_SAME_SRC_PORT_RATE)).isEqualTo(1.0);
        Stage burst = new Stage(WindowConfig.defaults());
        for (int i = 0; i < 2000; i++) {
            burst.accept(icmp(i / 1000.0, i % 200, 1, Service.ECR_I));
        }
        ConnectionRecord smurf = burst.last();
        assertThat(f(smurf, COUNT)).isEqualTo(511);
        assertThat(f(smurf, SRV_COUNT)).isEqualTo(511);
        assertThat(f(smurf, SAME_SRV_RATE)).isEqualTo(1.0);
    }

    @Test
    void connectionsFinishingOutOfOrderArePlacedByStartTime() {
        Stage stage = new Stage(WindowConfig.defaults());
        ConnectionSummary early = Synthetic.endingAt(tcp(100, 1, 40000, 1, 80, KddFlag.S0), nanos(100));
        ConnectionSummary later = tcp(102.5, 1, 40001, 1, 80, KddFlag.SF);
        long earlyTicket = stage.open(early);
        long laterTicket = stage.open(later);
        // The tracker reports the S0 attempt 5 s after its SYN, after the later connection.
        stage.finish(laterTicket, later, nanos(102.6));
        assertThat(stage.out).isEmpty();
        stage.finish(earlyTicket, early, nanos(105));
        // Both finished, nothing open before them: placed at once, in start order.
        assertThat(stage.out).extracting(ConnectionRecord::conn).containsExactly(early, later);
        assertThat(f(stage.out.get(1), DST_HOST_COUNT)).isEqualTo(2);
        assertThat(f(stage.out.get(1), COUNT)).isEqualTo(1);
        assertThat(f(stage.out.get(1), DST_HOST_SERROR_RATE)).isEqualTo(0.5);
        assertThat(stage.windows.counters().placedOpen()).isZero();
    }

    @Test
    void aConnectionStillOpenWhenItsGraceEndsIsPlacedAtItsStartAndItsRecordWaitsForItsEnd() {
        Stage stage = new Stage(WindowConfig.defaults().withGrace(Duration.ofSeconds(10), 64));
        Open dns = new Open(KddFlag.SF);
        ConnectionSummary udp = Synthetic.of(nanos(40), nanos(40.1), 2, 5353, 1, 53, 17, Service.DOMAIN_U, KddFlag.SF);
        long dnsTicket = stage.windows.open(udp.startNanos(), udp.respAddress().hi(), udp.respAddress().lo(),
                ServiceKey.of(udp), udp.origPort(), dns);
        ConnectionSummary tcp = tcp(41, 1, 40000, 1, 80, KddFlag.REJ);
        stage.accept(tcp);
        assertThat(stage.out).isEmpty();
        stage.windows.advanceTime(nanos(51));
        // The DNS flow is placed at 40 s though open; the REJ at 41 s counts it, 1 s before.
        assertThat(stage.out).extracting(ConnectionRecord::conn).containsExactly(tcp);
        assertThat(f(stage.out.get(0), COUNT)).isEqualTo(2);
        assertThat(f(stage.out.get(0), RERROR_RATE)).isEqualTo(0.5);
        assertThat(dns.held).isNotNull();
        // The tracker reports the flow 60 s after its last packet; its window columns were computed at 51 s.
        stage.windows.finish(dnsTicket, Synthetic.endingAt(udp, nanos(40.1)), dns.finished(99));
        ConnectionRecord r = stage.out.get(1);
        assertThat(r.conn().respPort()).isEqualTo(53);
        assertThat(f(r, COUNT)).isEqualTo(1);
        assertThat(f(r, DST_HOST_COUNT)).isEqualTo(1);
        assertThat(stage.windows.counters().placedOpen()).isEqualTo(1);
    }

    @Test
    void anOpenConnectionCountsWithItsStateSoFarUntilItFinishes() {
        Stage stage = new Stage(WindowConfig.defaults().withGrace(Duration.ZERO, 64));
        Open attempt = new Open(KddFlag.S0);
        ConnectionSummary s0 = tcp(1, 1, 40000, 1, 80, KddFlag.REJ);
        long t = stage.windows.open(s0.startNanos(), s0.respAddress().hi(), s0.respAddress().lo(), ServiceKey.of(s0),
                s0.origPort(), attempt);
        stage.windows.advanceTime(nanos(1));
        // Placed open as an unanswered SYN: the next connection sees a SYN error.
        stage.accept(tcp(1.5, 1, 40001, 1, 80, KddFlag.SF));
        assertThat(f(stage.out.get(0), SERROR_RATE)).isEqualTo(0.5);
        // It is refused in the end: connections placed after that see a REJ error, and so does its own record.
        stage.windows.finish(t, s0, attempt.finished(98));
        stage.accept(tcp(1.7, 1, 40002, 1, 80, KddFlag.SF));
        assertThat(stage.out.get(1).conn()).isSameAs(s0);
        assertThat(f(stage.out.get(1), COUNT)).isEqualTo(1);
        assertThat(f(stage.out.get(1), RERROR_RATE)).isEqualTo(1.0);
        assertThat(f(stage.out.get(1), SERROR_RATE)).isEqualTo(0.0);
        assertThat(f(stage.out.get(2), COUNT)).isEqualTo(3);
        assertThat(f(stage.out.get(2), RERROR_RATE)).isEqualTo(0.33);
        assertThat(f(stage.out.get(2), SERROR_RATE)).isEqualTo(0.0);
    }

    @Test
    void aConnectionCutOffByTheEndOfTheCaptureIsNoErrorByItself() {
        Stage stage = new Stage(WindowConfig.defaults());
        ConnectionSummary open = Synthetic.flushed(tcp(1, 1, 40000, 1, 443, KddFlag.S1));
        assertThat(open.openAtEnd()).isTrue();
        // Closed, and flushed while lingering for trailing packets: it had ended.
        assertThat(Synthetic.flushed(tcp(1, 1, 40000, 1, 443, KddFlag.SF)).openAtEnd()).isFalse();
        assertThat(Synthetic.flushed(tcp(1, 1, 40000, 1, 443, KddFlag.RSTO)).openAtEnd()).isFalse();
        assertThat(tcp(1, 1, 40000, 1, 443, KddFlag.S1).openAtEnd()).isFalse();
        ConnectionRecord r = stage.accept(open).last();
        assertThat(f(r, COUNT)).isEqualTo(1);
        assertThat(f(r, SERROR_RATE)).isEqualTo(0.0);
        assertThat(f(r, DST_HOST_SERROR_RATE)).isEqualTo(0.0);
        // An unanswered SYN is an unanswered SYN, cut off or not.
        ConnectionRecord s0 = new Stage(WindowConfig.defaults())
                .accept(Synthetic.flushed(tcp(1, 1, 40000, 1, 443, KddFlag.S0))).last();
        assertThat(f(s0, SERROR_RATE)).isEqualTo(1.0);
    }

    @Test
    void aFullQueuePlacesTheEarliestEarlyAndCountsIt() {
        Stage stage = new Stage(WindowConfig.defaults().withGrace(Duration.ofHours(1), 3));
        List<Long> tickets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tickets.add(stage.open(tcp(i, 1, 40000 + i, 1, 80, KddFlag.SF)));
        }
        assertThat(stage.windows.waiting()).isEqualTo(3);
        assertThat(stage.windows.counters().forced()).isEqualTo(2);
        assertThat(stage.windows.counters().placedOpen()).isEqualTo(2);
        assertThat(stage.out).isEmpty();
        for (int i = 0; i < 5; i++) {
            stage.finish(tickets.get(i), tcp(i, 1, 40000 + i, 1, 80, KddFlag.SF), nanos(i));
        }
        assertThat(stage.flush()).hasSize(5);
        assertThat(stage.windows.counters().released()).isEqualTo(5);
    }

    @Test
    void zeroGraceEmitsEachConnectionAsItFinishes() {
        Stage stage = new Stage(WindowConfig.defaults().withGrace(Duration.ZERO, 16));
        stage.accept(tcp(1, 1, 40000, 1, 80, KddFlag.SF));
        assertThat(stage.out).hasSize(1);
        assertThat(stage.windows.waiting()).isZero();
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfDistinctAddresses() {
        // Every window table is allocated for its window's size and throws if a key more is ever needed.
        int[] emitted = {0};
        TrafficWindows w = new TrafficWindows(WindowConfig.defaults().withGrace(Duration.ofSeconds(10), 1000),
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
                .hasMessageContaining("grace");
        assertThatThrownBy(() -> new WindowConfig(two, 511, 255, two, 0))
                .hasMessageContaining("maxPending");
        assertThatThrownBy(() -> new WindowConfig(two, 511, 255, Duration.ofDays(400), 10))
                .hasMessageContaining("grace");
        assertThatThrownBy(() -> new WindowConfig(two, WindowConfig.MAX_WINDOW + 1, 255, two, 10))
                .hasMessageContaining("timeWindowConnections");
        assertThat(WindowConfig.defaults()).isEqualTo(new WindowConfig(two, 511, 255, Duration.ofSeconds(10), 16_384));
    }
}

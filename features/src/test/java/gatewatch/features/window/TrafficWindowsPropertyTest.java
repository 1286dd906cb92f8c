package gatewatch.features.window;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.conn.FinishReason;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.Service;
import gatewatch.features.kdd.ServiceTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random connection streams through the stage, started in start order and finished in report
 * order, every one of the 19 features compared with {@link ReferenceWindows}: the offline
 * definition over all records sorted by start time. The streams are built to hit the edges often:
 * ties and gaps of exactly the window span, small caps, a handful of hosts, services and source
 * ports, private ports, every flag, connections cut off by the end, reports long after the start.
 */
class TrafficWindowsPropertyTest {
    private static final int STREAMS = 300;
    private static final int[] NAMED_PORTS = {80, 25, 21, 23, 20};
    private static final int[] PORT_KEYED = {1, 2, 7777, 40000, 40001};
    private static final KddFlag[] FLAGS = KddFlag.values();
    private static final Set<KddFeature> ERROR_RATES = EnumSet.of(KddFeature.SERROR_RATE,
            KddFeature.SRV_SERROR_RATE, KddFeature.RERROR_RATE, KddFeature.SRV_RERROR_RATE,
            KddFeature.DST_HOST_SERROR_RATE, KddFeature.DST_HOST_SRV_SERROR_RATE, KddFeature.DST_HOST_RERROR_RATE,
            KddFeature.DST_HOST_SRV_RERROR_RATE);

    /**
     * A generated stream: the connections in start order, the order they are reported in (indices
     * into {@code started}) and the times they are reported at.
     */
    private record Stream(WindowConfig config, List<ConnectionSummary> started, int[] reportOrder,
            long[] reportNanos) {
    }

    @Test
    void everyFeatureIsTheOfflineDefinitionWhenEveryConnectionFinishesWithinTheGrace() {
        for (int seed = 1; seed <= STREAMS; seed++) {
            Stream s = generate(new SplittableRandom(seed), false);
            Run run = run(s);
            assertThat(run.windows.counters().placedOpen()).as("seed %d", seed).isZero();
            compare(seed, s, run.out, Map.of());
        }
    }

    @Test
    void connectionsFinishingAfterTheGraceStillCountAtTheirStartAndOnlyTheirChangeOfClassIsMissed() {
        long placedOpen = 0;
        for (int seed = 1; seed <= STREAMS; seed++) {
            Stream s = generate(new SplittableRandom(seed), true);
            Run run = run(s);
            placedOpen += run.windows.counters().placedOpen();
            // A connection placed open counts with the class of its state then until it finishes:
            // records placed meanwhile may miss its change of class, and only that. A record waits
            // for the connections in its windows up to its own grace, so only a change reported
            // after that can be missed.
            Map<ConnectionSummary, Long> changed = new IdentityHashMap<>();
            long grace = s.config().grace().toNanos();
            for (int k = 0; k < s.reportOrder().length; k++) {
                ConnectionSummary c = s.started().get(s.reportOrder()[k]);
                if (s.reportNanos()[k] - c.startNanos() >= grace && ErrorClass.ofOpen(flagSoFar(c)) != TrafficWindows.classOf(c)) {
                    changed.put(c, s.reportNanos()[k]);
                }
            }
            compare(seed, s, run.out, changed);
        }
        assertThat(placedOpen).as("streams with late reports place connections open").isGreaterThan(1000);
    }

    @Test
    void theSameInputGivesTheSameRecords() {
        for (int seed = 1; seed <= 20; seed++) {
            Stream s = generate(new SplittableRandom(seed), true);
            assertThat(run(s).out).as("seed %d", seed).isEqualTo(run(s).out);
        }
    }

    /** What an open connection's state says before it finishes: an attempt until answered. */
    private static KddFlag flagSoFar(ConnectionSummary c) {
        return c.ipProtocol() == 6 && c.startNanos() % 2 == 0 ? KddFlag.S0 : c.kddFlag();
    }

    private static void compare(int seed, Stream s, List<ConnectionRecord> out, Map<ConnectionSummary, Long> changed) {
        assertThat(out).hasSameSizeAs(s.started());
        List<ConnectionRecord> byStart = new ArrayList<>(out);
        Map<ConnectionSummary, Integer> startIndex = new IdentityHashMap<>();
        for (int i = 0; i < s.started().size(); i++) {
            startIndex.put(s.started().get(i), i);
        }
        byStart.sort(Comparator.comparingInt(r -> startIndex.get(r.conn())));
        List<ConnectionSummary> placed = s.started();
        long[] placement = placed.stream().mapToLong(ConnectionSummary::startNanos).toArray();
        for (int i = 0; i < byStart.size(); i++) {
            ConnectionRecord r = byStart.get(i);
            assertThat(r.conn()).as("seed %d record %d", seed, i).isSameAs(placed.get(i));
            double[] expected = ReferenceWindows.features(placed, placement, i, s.config());
            boolean errorsExact = !windowHolds(placed, placement, i, s.config(), changed);
            double[] actual = r.features().toArray();
            for (int f = KddFeature.COUNT.ordinal(); f < KddFeature.COUNT_OF_FEATURES; f++) {
                if (errorsExact || !ERROR_RATES.contains(KddFeature.values()[f])) {
                    assertThat(actual[f]).as("seed %d record %d %s (config %s)", seed, i,
                            KddFeature.values()[f].kddName(), s.config()).isEqualTo(expected[f]);
                }
            }
            // Features 1-22 are the caller's and pass through untouched.
            assertThat(Arrays.copyOf(actual, KddFeature.COUNT.ordinal()))
                    .isEqualTo(Arrays.copyOf(Synthetic.basic(tagOf(actual)), KddFeature.COUNT.ordinal()));
        }
    }

    /**
     * Whether a window of connection {@code i} (the connections before it) holds one of
     * {@code changed} reported after connection i's grace ended.
     */
    private static boolean windowHolds(List<ConnectionSummary> placed, long[] placement, int i, WindowConfig config,
            Map<ConnectionSummary, Long> changed) {
        int widest = Math.max(config.timeWindowConnections(), config.hostWindowConnections());
        long graceEnd = placed.get(i).startNanos() + config.grace().toNanos();
        for (int j = Math.max(0, i - widest + 1); j < i; j++) {
            Long reported = changed.get(placed.get(j));
            if (reported != null && reported >= graceEnd) {
                return true;
            }
        }
        return false;
    }

    private static int tagOf(double[] v) {
        return (int) v[0];
    }

    private record Run(TrafficWindows windows, List<ConnectionRecord> out) {
    }

    /** Opens in start order, each at its start; finishes in report order, each at its report time. */
    private static Run run(Stream s) {
        List<ConnectionRecord> out = new ArrayList<>();
        TrafficWindows w = new TrafficWindows(s.config(), out::add);
        int n = s.started().size();
        long[] tickets = new long[n];
        Synthetic.Open[] handles = new Synthetic.Open[n];
        int next = 0;
        for (int k = 0; k < n; k++) {
            long now = s.reportNanos()[k];
            while (next < n && s.started().get(next).startNanos() <= now) {
                ConnectionSummary c = s.started().get(next);
                w.advanceTime(c.startNanos());
                handles[next] = new Synthetic.Open(flagSoFar(c));
                tickets[next] = w.open(c.startNanos(), c.respAddress().hi(), c.respAddress().lo(), ServiceKey.of(c),
                        c.origPort(), handles[next]);
                next++;
            }
            w.advanceTime(now);
            int i = s.reportOrder()[k];
            w.finish(tickets[i], s.started().get(i), handles[i].finished(1000 * i));
        }
        w.flush();
        assertThat(w.waiting()).isZero();
        return new Run(w, out);
    }

    private static Stream generate(SplittableRandom rnd, boolean lateReports) {
        int n = 50 + rnd.nextInt(700);
        int hosts = 1 + rnd.nextInt(rnd.nextBoolean() ? 3 : 40);
        int srcPorts = 1 + rnd.nextInt(4);
        long span = rnd.nextInt(3) == 0 ? 1 + rnd.nextLong(3_000_000_000L) : 2_000_000_000L;
        boolean smallCaps = rnd.nextBoolean();
        int timeCap = smallCaps ? 1 + rnd.nextInt(30) : 511;
        int hostCap = smallCaps ? 1 + rnd.nextInt(30) : 255;
        long maxDelay = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextLong(8_000_000_000L);
        // Within the grace: every report comes before the clock passes its start by the grace.
        long grace = lateReports ? 1 + rnd.nextLong(maxDelay / 2 + 1) : maxDelay + 1;
        WindowConfig config = new WindowConfig(Duration.ofNanos(span), timeCap, hostCap, Duration.ofNanos(grace), 4096);

        long[] gaps = {0, 1, span - 1, span, span + 1, 1_000_000, 100_000_000, 700_000_000};
        List<ConnectionSummary> cs = new ArrayList<>();
        List<Long> reports = new ArrayList<>();
        long t = 1_000_000_000_000L;
        for (int i = 0; i < n; i++) {
            t += rnd.nextInt(3) == 0 ? gaps[rnd.nextInt(gaps.length)] : rnd.nextLong(50_000_000L);
            int dst = rnd.nextInt(hosts);
            int src = rnd.nextInt(5);
            ConnectionSummary c;
            int kind = rnd.nextInt(10);
            if (kind == 0) {
                c = Synthetic.of(t, t, src, 0, dst, 0, 1, rnd.nextBoolean() ? Service.ECO_I : Service.ECR_I, KddFlag.SF);
            } else {
                int port = kind < 5 ? NAMED_PORTS[rnd.nextInt(NAMED_PORTS.length)] : PORT_KEYED[rnd.nextInt(PORT_KEYED.length)];
                int proto = rnd.nextInt(6) == 0 ? 17 : 6;
                Service svc = proto == 6 ? ServiceTable.tcp(port) : ServiceTable.udp(port);
                c = Synthetic.of(t, t, src, 40000 + rnd.nextInt(srcPorts), dst, port, proto, svc, FLAGS[rnd.nextInt(FLAGS.length)]);
            }
            long delay = maxDelay == 0 || kind == 0 ? 0 : rnd.nextLong(maxDelay + 1);
            ConnectionSummary ended = Synthetic.endingAt(c, t + rnd.nextLong(delay + 1));
            cs.add(rnd.nextInt(15) == 0 && kind != 0 ? Synthetic.flushed(ended) : ended);
            reports.add(t + delay);
        }
        // Report in order of report time (ties: start order), as a tracker would.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> reports.get(i)).thenComparing(i -> i));
        return new Stream(config, cs, order.stream().mapToInt(Integer::intValue).toArray(),
                order.stream().mapToLong(reports::get).toArray());
    }
}

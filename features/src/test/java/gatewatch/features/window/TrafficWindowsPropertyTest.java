package gatewatch.features.window;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.Service;
import gatewatch.features.kdd.ServiceTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random connection streams through the stage, every one of the 19 features compared with
 * {@link ReferenceWindows}. The streams are built to hit the edges often: ties and gaps of
 * exactly the window span, small caps, a handful of hosts, services and source ports, private
 * ports, every flag, reports out of start order.
 */
class TrafficWindowsPropertyTest {
    private static final int STREAMS = 300;
    private static final int[] NAMED_PORTS = {80, 25, 21, 23, 20};
    private static final int[] PORT_KEYED = {1, 2, 7777, 40000, 40001};
    private static final KddFlag[] FLAGS = KddFlag.values();

    /** A generated stream: the connections, and the order and times they are reported at. */
    private record Stream(WindowConfig config, List<ConnectionSummary> reported, long[] reportNanos) {
    }

    @Test
    void everyFeatureMatchesTheLiteralDefinitionWhenReportsComeWithinTheHold() {
        for (int seed = 1; seed <= STREAMS; seed++) {
            Stream s = generate(new SplittableRandom(seed));
            List<ConnectionRecord> out = run(s);

            // With every report inside the hold, placement is start order (ties: report order).
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < s.reported().size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingLong((Integer i) -> s.reported().get(i).startNanos()).thenComparing(i -> i));
            List<ConnectionSummary> placed = order.stream().map(s.reported()::get).toList();
            long[] placement = placed.stream().mapToLong(ConnectionSummary::startNanos).toArray();
            compare(seed, s, out, placed, placement);
        }
    }

    @Test
    void lateReportsArePlacedAtTheLatestPlacementOrTheDueTimeAndStillMatchTheDefinition() {
        for (int seed = 1; seed <= STREAMS; seed++) {
            Stream s = generate(new SplittableRandom(seed));
            // A hold shorter than the delays and a small buffer: some reports come late.
            long hold = 50_000_000L;
            Stream late = new Stream(s.config().withReorder(Duration.ofNanos(hold), 8), s.reported(), s.reportNanos());
            List<ConnectionRecord> out = new ArrayList<>();
            List<Long> dueAtEmission = new ArrayList<>();
            long[] clock = {Long.MIN_VALUE};
            TrafficWindows stage = new TrafficWindows(late.config(), r -> {
                out.add(r);
                dueAtEmission.add(clock[0] - hold);
            });
            for (int i = 0; i < late.reported().size(); i++) {
                clock[0] = late.reportNanos()[i];
                stage.advanceTime(clock[0]);
                stage.accept(late.reported().get(i), Synthetic.basic(1000 * i));
            }
            stage.flush();

            List<ConnectionSummary> placed = out.stream().map(ConnectionRecord::conn).toList();
            long[] placement = new long[placed.size()];
            long last = Long.MIN_VALUE;
            long lateCount = 0;
            for (int i = 0; i < placement.length; i++) {
                long start = placed.get(i).startNanos();
                if (start < last) {
                    lateCount++;
                    last = Math.max(last, dueAtEmission.get(i));
                } else {
                    last = start;
                }
                placement[i] = last;
            }
            assertThat(stage.counters().late()).as("seed %d late", seed).isEqualTo(lateCount);
            assertThat(stage.waiting()).isZero();
            compare(seed, late, out, placed, placement);
        }
    }

    @Test
    void theSameInputGivesTheSameRecords() {
        for (int seed = 1; seed <= 20; seed++) {
            Stream s = generate(new SplittableRandom(seed));
            assertThat(run(s)).as("seed %d", seed).isEqualTo(run(s));
        }
    }

    private static void compare(int seed, Stream s, List<ConnectionRecord> out, List<ConnectionSummary> placed,
            long[] placement) {
        assertThat(out).hasSameSizeAs(s.reported());
        for (int i = 0; i < out.size(); i++) {
            ConnectionRecord r = out.get(i);
            assertThat(r.conn()).as("seed %d record %d", seed, i).isSameAs(placed.get(i));
            double[] expected = ReferenceWindows.features(placed, placement, i, s.config());
            double[] actual = r.features().toArray();
            for (int f = KddFeature.COUNT.ordinal(); f < KddFeature.COUNT_OF_FEATURES; f++) {
                assertThat(actual[f]).as("seed %d record %d %s (config %s)", seed, i,
                        KddFeature.values()[f].kddName(), s.config()).isEqualTo(expected[f]);
            }
            // Features 1-22 are the caller's and pass through untouched.
            assertThat(Arrays.copyOf(actual, KddFeature.COUNT.ordinal()))
                    .isEqualTo(Arrays.copyOf(Synthetic.basic(tagOf(actual)), KddFeature.COUNT.ordinal()));
        }
    }

    private static int tagOf(double[] v) {
        return (int) v[0];
    }

    private static List<ConnectionRecord> run(Stream s) {
        List<ConnectionRecord> out = new ArrayList<>();
        feed(s, new TrafficWindows(s.config(), out::add));
        return out;
    }

    private static void feed(Stream s, TrafficWindows w) {
        for (int i = 0; i < s.reported().size(); i++) {
            w.advanceTime(s.reportNanos()[i]);
            w.accept(s.reported().get(i), Synthetic.basic(1000 * i));
        }
        w.flush();
    }

    private static Stream generate(SplittableRandom rnd) {
        int n = 50 + rnd.nextInt(700);
        int hosts = 1 + rnd.nextInt(rnd.nextBoolean() ? 3 : 40);
        int srcPorts = 1 + rnd.nextInt(4);
        long span = rnd.nextInt(3) == 0 ? 1 + rnd.nextLong(3_000_000_000L) : 2_000_000_000L;
        boolean smallCaps = rnd.nextBoolean();
        int timeCap = smallCaps ? 1 + rnd.nextInt(30) : 511;
        int hostCap = smallCaps ? 1 + rnd.nextInt(30) : 255;
        long maxDelay = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextLong(8_000_000_000L);
        WindowConfig config = new WindowConfig(Duration.ofNanos(span), timeCap, hostCap, Duration.ofNanos(maxDelay), 4096);

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
                Service icmp = rnd.nextBoolean() ? Service.ECO_I : Service.ECR_I;
                c = Synthetic.withIcmpType(Synthetic.of(t, t, src, 0, dst, 0, 1, icmp, KddFlag.SF), Synthetic.icmpType(icmp));
            } else {
                int port = kind < 5 ? NAMED_PORTS[rnd.nextInt(NAMED_PORTS.length)] : PORT_KEYED[rnd.nextInt(PORT_KEYED.length)];
                int proto = rnd.nextInt(6) == 0 ? 17 : 6;
                Service svc = proto == 6 ? ServiceTable.tcp(port) : ServiceTable.udp(port);
                c = Synthetic.of(t, t, src, 40000 + rnd.nextInt(srcPorts), dst, port, proto, svc, FLAGS[rnd.nextInt(FLAGS.length)]);
                if (rnd.nextInt(8) == 0) {
                    // Flushed while open: cut off after its handshake, or an attempt nobody answered.
                    c = Synthetic.openAtEnd(c, rnd.nextBoolean() ? "ShADad" : "S");
                }
            }
            long delay = maxDelay == 0 ? 0 : rnd.nextLong(maxDelay + 1);
            cs.add(Synthetic.endingAt(c, t + rnd.nextLong(delay + 1)));
            reports.add(t + delay);
        }
        // Report in order of report time (ties: start order), as a tracker would.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> reports.get(i)).thenComparing(i -> i));
        return new Stream(config, order.stream().map(cs::get).toList(),
                order.stream().mapToLong(reports::get).toArray());
    }
}

package gatewatch.features.window.bench;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.conn.FinishReason;
import gatewatch.features.conn.IpAddress;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.KddRecord;
import gatewatch.features.kdd.ProtocolType;
import gatewatch.features.kdd.ServiceTable;
import gatewatch.features.window.TrafficWindows;
import gatewatch.features.window.WindowConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Nanoseconds per finished connection through {@link TrafficWindows} (reorder buffer, both
 * windows, the emitted record), and a baseline that makes the same connection and record
 * without the stage. The stage's own cost is the difference. Command and results:
 * docs/history/features-RESULTS-windows.md.
 *
 * <p>Each operation builds a fresh {@link ConnectionSummary} and feature array, as the tracker
 * does for a finished connection, from a precomputed pattern replayed with shifted times, so
 * the stage sees a stream that never ends and objects as hot as in the pipeline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class TrafficWindowsBenchmark {
    private static final int N = 1 << 16;
    private static final int HOSTS = 4096;

    /** The connection streams measured. */
    public enum Traffic {
        /** A spoofed SYN flood: one victim, random sources, ports and source ports, S0, 1 µs apart. */
        FLOOD,
        /** A port scan: one source and source port, one victim, ports in sequence, REJ, 10 µs apart. */
        SCAN,
        /**
         * Mixed traffic: 2,000 destination hosts (a quarter of the connections to 10 popular ones),
         * 60 service keys, 5 % S0/REJ, 20 µs apart on average, each reported 5 s after it ends
         * and lasting up to 1 s, so reports come out of start order.
         */
        MIXED
    }

    @Param({"FLOOD", "SCAN", "MIXED"})
    public Traffic traffic;

    /** Reorder hold in seconds: 0 computes in report order, 10 is the default. */
    @Param({"0", "10"})
    public int holdSeconds;

    /** Reorder buffer capacity (records held at most); the default is 4,096. */
    @Param({"4096"})
    public int capacity;

    private final IpAddress[] hosts = new IpAddress[HOSTS];
    private long[] startOffset;
    private long[] duration;
    private int[] src;
    private int[] srcPort;
    private int[] dst;
    private int[] dstPort;
    private KddFlag[] flag;
    private long period;
    private long base;
    private int next;
    private TrafficWindows windows;

    @Setup(Level.Trial)
    public void setUp(Blackhole bh) {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int i = 0; i < HOSTS; i++) {
            hosts[i] = new IpAddress(0, 0x0000_ffff_0a00_0000L | i);
        }
        generate(rnd);
        base = 1_000_000_000_000L;
        windows = new TrafficWindows(WindowConfig.defaults().withReorder(Duration.ofSeconds(holdSeconds), capacity),
                bh::consume);
    }

    @Benchmark
    public void stage() {
        windows.accept(nextConnection(), new double[KddFeature.COUNT_OF_FEATURES]);
    }

    @Benchmark
    public void baseline(Blackhole bh) {
        ConnectionSummary c = nextConnection();
        bh.consume(new ConnectionRecord(c, KddRecord.of(new double[KddFeature.COUNT_OF_FEATURES])));
    }

    private final ConnectionSummary[] heldConn = new ConnectionSummary[WindowConfig.MAX_WINDOW + 1];
    private final double[][] heldFeatures = new double[WindowConfig.MAX_WINDOW + 1][];
    private int heldNext;

    /**
     * The baseline plus holding each connection and its feature array for {@code capacity}
     * connections before making its record: what waiting in any buffer costs, whatever the
     * buffer does.
     */
    @Benchmark
    public void baselineHeld(Blackhole bh) {
        int i = heldNext;
        heldNext = (i + 1) % capacity;
        ConnectionSummary old = heldConn[i];
        double[] oldV = heldFeatures[i];
        heldConn[i] = nextConnection();
        heldFeatures[i] = new double[KddFeature.COUNT_OF_FEATURES];
        if (old != null) {
            bh.consume(new ConnectionRecord(old, KddRecord.of(oldV)));
        }
    }

    private ConnectionSummary nextConnection() {
        int i = next;
        if (++next == N) {
            next = 0;
            base += period;
        }
        long start = base + startOffset[i];
        int port = dstPort[i];
        return new ConnectionSummary(start, start + duration[i], hosts[src[i]], srcPort[i], hosts[dst[i]], port, 6,
                ProtocolType.TCP, ServiceTable.tcp(port), flag[i], flag[i], "", 0, 0, 1, 0, 40, 0, 0, false, 0, 0,
                FinishReason.TIMEOUT);
    }

    private void generate(SplittableRandom rnd) {
        long[] start = new long[N];
        long[] dur = new long[N];
        int[] s = new int[N];
        int[] sp = new int[N];
        int[] d = new int[N];
        int[] dp = new int[N];
        KddFlag[] f = new KddFlag[N];
        long t = 0;
        for (int i = 0; i < N; i++) {
            switch (traffic) {
                case FLOOD -> {
                    t += 1_000;
                    s[i] = rnd.nextInt(HOSTS);
                    sp[i] = 1024 + rnd.nextInt(60000);
                    d[i] = 0;
                    dp[i] = 1024 + rnd.nextInt(60000);
                    f[i] = KddFlag.S0;
                }
                case SCAN -> {
                    t += 10_000;
                    s[i] = 1;
                    sp[i] = 61000;
                    d[i] = 0;
                    dp[i] = 1 + i % 65535;
                    f[i] = KddFlag.REJ;
                }
                case MIXED -> {
                    t += rnd.nextLong(40_000);
                    dur[i] = rnd.nextLong(1_000_000_000L);
                    s[i] = 2000 + rnd.nextInt(500);
                    sp[i] = 30000 + rnd.nextInt(30000);
                    d[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(10) : rnd.nextInt(2000);
                    dp[i] = rnd.nextInt(3) == 0 ? 80 : (rnd.nextBoolean() ? 1 + rnd.nextInt(30) : 1024 + rnd.nextInt(30));
                    int x = rnd.nextInt(40);
                    f[i] = x == 0 ? KddFlag.S0 : x == 1 ? KddFlag.REJ : KddFlag.SF;
                }
                default -> throw new IllegalArgumentException(traffic.name());
            }
            start[i] = t;
        }
        period = t + 10_000_000_000L;
        // Hand them over in the order a tracker would report them: 5 s after their last packet.
        Integer[] order = new Integer[N];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingLong((Integer i) -> start[i] + dur[i]).thenComparingInt(i -> i));
        startOffset = new long[N];
        duration = new long[N];
        src = new int[N];
        srcPort = new int[N];
        dst = new int[N];
        dstPort = new int[N];
        flag = new KddFlag[N];
        for (int i = 0; i < N; i++) {
            int j = order[i];
            startOffset[i] = start[j];
            duration[i] = dur[j];
            src[i] = s[j];
            srcPort[i] = sp[j];
            dst[i] = d[j];
            dstPort[i] = dp[j];
            flag[i] = f[j];
        }
    }
}

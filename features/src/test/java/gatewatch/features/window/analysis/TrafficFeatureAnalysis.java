package gatewatch.features.window.analysis;

import static gatewatch.features.kdd.KddFeature.COUNT;
import static gatewatch.features.kdd.KddFeature.DIFF_SRV_RATE;
import static gatewatch.features.kdd.KddFeature.DST_HOST_COUNT;
import static gatewatch.features.kdd.KddFeature.DST_HOST_DIFF_SRV_RATE;
import static gatewatch.features.kdd.KddFeature.DST_HOST_RERROR_RATE;
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

import gatewatch.features.kdd.KddCsv;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.KddRecord;
import gatewatch.features.kdd.Service;
import gatewatch.features.window.ErrorClass;
import gatewatch.features.window.KddRate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Reads a KDD'99 file and measures the relations between the 19 traffic features that pin down
 * their definitions (docs/FEATURES.md cites its output). Run it on the training data:
 *
 * <pre>
 * JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -B -q -pl features test-compile exec:exec \
 *   -Dexec.executable=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -Dexec.classpathScope=test \
 *   -Dexec.args="-cp %classpath gatewatch.features.window.analysis.TrafficFeatureAnalysis ../../shared/data/kddcup.data_10_percent.gz"
 * </pre>
 *
 * <p>{@code TrafficFeatureAnalysisTest} asserts the numbers.
 */
public final class TrafficFeatureAnalysis {

    /** The four windows: a count column and the rate columns whose denominator it is. */
    public enum Window {
        TIME_HOST(COUNT, 511, SERROR_RATE, RERROR_RATE, SAME_SRV_RATE, DIFF_SRV_RATE, SRV_COUNT, SRV_DIFF_HOST_RATE),
        TIME_SERVICE(SRV_COUNT, 511, SRV_SERROR_RATE, SRV_RERROR_RATE, null, null, null, null),
        HOST_HOST(DST_HOST_COUNT, 255, DST_HOST_SERROR_RATE, DST_HOST_RERROR_RATE, DST_HOST_SAME_SRV_RATE,
                DST_HOST_DIFF_SRV_RATE, DST_HOST_SRV_COUNT, DST_HOST_SRV_DIFF_HOST_RATE),
        HOST_SERVICE(DST_HOST_SRV_COUNT, 255, DST_HOST_SRV_SERROR_RATE, DST_HOST_SRV_RERROR_RATE, null, null, null, null);

        final KddFeature count;
        final int cap;
        final KddFeature serror;
        final KddFeature rerror;
        /** For the two host-keyed windows: same/different service, and the service-keyed window's count and different-host rate. */
        final KddFeature sameSrv;
        final KddFeature diffSrv;
        final KddFeature srvCount;
        final KddFeature srvDiffHost;

        Window(KddFeature count, int cap, KddFeature serror, KddFeature rerror, KddFeature sameSrv, KddFeature diffSrv,
                KddFeature srvCount, KddFeature srvDiffHost) {
            this.count = count;
            this.cap = cap;
            this.serror = serror;
            this.rerror = rerror;
            this.sameSrv = sameSrv;
            this.diffSrv = diffSrv;
            this.srvCount = srvCount;
            this.srvDiffHost = srvDiffHost;
        }

        boolean keyedByHost() {
            return sameSrv != null;
        }
    }

    /** Ways to turn k/n into the two-decimal text of the files. */
    public enum Rounding {
        /** C {@code printf("%.2f")} of a float quotient: {@link KddRate}. */
        FLOAT_PRINTF {
            @Override
            double of(int k, int n) {
                return KddRate.of(k, n);
            }
        },
        /** C {@code printf("%.2f")} of a double quotient. */
        DOUBLE_PRINTF {
            @Override
            double of(int k, int n) {
                return new BigDecimal((double) k / n).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
            }
        },
        /** The exact quotient, rounded half up. */
        EXACT_HALF_UP {
            @Override
            double of(int k, int n) {
                return BigDecimal.valueOf(k).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP).doubleValue();
            }
        };

        abstract double of(int k, int n);
    }

    /** Per window: rows, and rows whose value breaks the stated relation. */
    public record WindowStats(
            long rowsAtCap,
            long rowsWithCountOne,
            long countOneErrorViolations,
            long countOneSameViolations,
            long sameAboveServiceCount,
            long unionAboveCap,
            long fullWindowRows,
            long fullWindowSameNotServiceRatio,
            long fullWindowDiffHostNonZero,
            long diffDistinctViolations,
            long diffComplementViolations,
            long diffHostDistinctViolations,
            long diffHostComplementViolations) {
    }

    /** A distribution summary of {@code dst_host_same_srv_rate} in windows of one service. */
    public record SameServiceInFullWindows(long rows, double median, double max) {
    }

    /** Everything measured. */
    public record Report(
            long rows,
            Map<KddFeature, Double> max,
            long zeroCountRows,
            long zeroDstHostCountRows,
            long dstHostSrvCountAboveDstHostCount,
            Map<Window, WindowStats> windows,
            Map<Window, Map<KddFlag, String>> flagsAtCountOne,
            long ratesWithSmallDenominator,
            Map<Rounding, Long> ratesReproduced,
            Map<Service, SameServiceInFullWindows> sameServiceInFullWindows,
            long neptuneRows,
            long neptunePrivateRows,
            Map<Integer, Long> smurfCounts,
            long smallCountRows,
            long sameTimesCountIsServiceCount) {
    }

    /** Rows needed before a row whose windows are all one service and one host (see {@link #analyse}). */
    static final int RUN = 25;
    private static final List<Service> RUN_SERVICES = List.of(Service.PRIVATE, Service.OTHER, Service.HTTP, Service.ECR_I);

    private TrafficFeatureAnalysis() {
    }

    public static Report analyse(Path gz) throws IOException {
        Map<KddFeature, Double> max = new EnumMap<>(KddFeature.class);
        Map<Window, long[]> stats = new EnumMap<>(Window.class);
        Map<Window, Map<KddFlag, String>> flags = new EnumMap<>(Window.class);
        for (Window w : Window.values()) {
            stats.put(w, new long[WindowStats.class.getRecordComponents().length]);
            flags.put(w, new EnumMap<>(KddFlag.class));
        }
        Map<Rounding, Long> reproduced = new EnumMap<>(Rounding.class);
        Map<Service, List<Double>> runs = new LinkedHashMap<>();
        RUN_SERVICES.forEach(s -> runs.put(s, new ArrayList<>()));
        Service[] recentService = new Service[RUN];
        boolean[] recentFull = new boolean[RUN];
        long rows = 0;
        long zeroCount = 0;
        long zeroDstHost = 0;
        long srvAboveHost = 0;
        long smallDenominators = 0;
        long neptune = 0;
        long neptunePrivate = 0;
        Map<Integer, Long> smurfCounts = new TreeMap<>();
        long smallCount = 0;
        long sameIsSrv = 0;

        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = in.readLine()) != null) {
                KddCsv.Row row = KddCsv.parse(line);
                KddRecord r = row.record();
                for (Window w : Window.values()) {
                    max.merge(w.count, r.get(w.count), Math::max);
                    window(w, r, stats.get(w), flags.get(w));
                    if (n(r, w.count) >= 2 && n(r, w.count) < 100) {
                        for (KddFeature rate : rates(w)) {
                            smallDenominators++;
                            for (Rounding m : Rounding.values()) {
                                if (!candidates(r.get(rate), n(r, w.count), m).isEmpty()) {
                                    reproduced.merge(m, 1L, Long::sum);
                                }
                            }
                        }
                    }
                }
                zeroCount += n(r, COUNT) == 0 ? 1 : 0;
                zeroDstHost += n(r, DST_HOST_COUNT) == 0 ? 1 : 0;
                srvAboveHost += n(r, DST_HOST_SRV_COUNT) > n(r, DST_HOST_COUNT) ? 1 : 0;
                if ("smurf".equals(row.label())) {
                    smurfCounts.merge(n(r, COUNT), 1L, Long::sum);
                }
                if (n(r, COUNT) >= 1 && n(r, COUNT) < 100) {
                    smallCount++;
                    // Below 100 two decimals identify the numerator.
                    if (candidates(r.get(SAME_SRV_RATE), n(r, COUNT), Rounding.FLOAT_PRINTF).getFirst() == n(r, SRV_COUNT)) {
                        sameIsSrv++;
                    }
                }
                if ("neptune".equals(row.label())) {
                    neptune++;
                    neptunePrivate += r.service() == Service.PRIVATE ? 1 : 0;
                }

                // A window of 255 that one host fills is the same host's window 10 rows later (the
                // 10 % file keeps every 10th connection), so RUN+1 such rows in a row with one
                // service sample ~260 connections to one host, all of that service.
                boolean full = n(r, DST_HOST_COUNT) == 255;
                int slot = (int) (rows % RUN);
                if (full && rows >= RUN && runs.containsKey(r.service())) {
                    boolean all = true;
                    for (int i = 0; i < RUN && all; i++) {
                        all = recentFull[i] && recentService[i] == r.service();
                    }
                    if (all) {
                        runs.get(r.service()).add(r.get(DST_HOST_SAME_SRV_RATE));
                    }
                }
                recentService[slot] = r.service();
                recentFull[slot] = full;
                rows++;
            }
        }

        Map<Window, WindowStats> windows = new EnumMap<>(Window.class);
        stats.forEach((w, s) -> windows.put(w, new WindowStats(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8],
                s[9], s[10], s[11], s[12])));
        Map<Service, SameServiceInFullWindows> same = new LinkedHashMap<>();
        runs.forEach((s, v) -> {
            v.sort(null);
            same.put(s, v.isEmpty() ? new SameServiceInFullWindows(0, 0, 0)
                    : new SameServiceInFullWindows(v.size(), v.get(v.size() / 2), v.getLast()));
        });
        return new Report(rows, max, zeroCount, zeroDstHost, srvAboveHost, windows, flags, smallDenominators,
                reproduced, same, neptune, neptunePrivate, smurfCounts, smallCount, sameIsSrv);
    }

    private static List<KddFeature> rates(Window w) {
        List<KddFeature> l = new ArrayList<>(List.of(w.serror, w.rerror));
        if (w.keyedByHost()) {
            l.addAll(List.of(w.sameSrv, w.diffSrv));
        }
        // The service-keyed windows' different-host rates have the service count as denominator.
        if (w == Window.TIME_SERVICE) {
            l.add(SRV_DIFF_HOST_RATE);
        } else if (w == Window.HOST_SERVICE) {
            l.add(DST_HOST_SRV_DIFF_HOST_RATE);
        } else if (w == Window.HOST_HOST) {
            l.add(DST_HOST_SAME_SRC_PORT_RATE);
        }
        return l;
    }

    private static void window(Window w, KddRecord r, long[] s, Map<KddFlag, String> flags) {
        int n = n(r, w.count);
        if (n == 0) {
            return;
        }
        if (n == w.cap) {
            s[0]++;
        }
        if (n == 1) {
            s[1]++;
            ErrorClass e = ErrorClass.of(r.flag());
            double serror = r.get(w.serror);
            double rerror = r.get(w.rerror);
            flags.merge(r.flag(), "serror=" + serror + " rerror=" + rerror,
                    (a, b) -> a.equals(b) ? a : a + " | " + b);
            if (serror != (e == ErrorClass.SYN ? 1 : 0) || rerror != (e == ErrorClass.REJ ? 1 : 0)) {
                s[2]++;
            }
            boolean sameOk = !w.keyedByHost()
                    || (r.get(w.sameSrv) == 1 && r.get(w.diffSrv) == 0
                        && (w != Window.HOST_HOST || r.get(DST_HOST_SAME_SRC_PORT_RATE) == 1));
            if (!sameOk) {
                s[3]++;
            }
        }
        if (!w.keyedByHost()) {
            return;
        }
        int srv = n(r, w.srvCount);
        List<Integer> same = candidates(r.get(w.sameSrv), n, Rounding.FLOAT_PRINTF);
        List<Integer> diff = candidates(r.get(w.diffSrv), n, Rounding.FLOAT_PRINTF);
        List<Integer> diffHost = srv == 0 ? List.of(0) : candidates(r.get(w.srvDiffHost), srv, Rounding.FLOAT_PRINTF);
        int sameMin = same.stream().min(Integer::compare).orElseThrow();
        int sameMax = same.stream().max(Integer::compare).orElseThrow();
        if (sameMin > srv) {
            s[4]++;
        }
        if (n + srv - sameMax > w.cap) {
            s[5]++;
        }
        if (n == w.cap && srv < w.cap) {
            s[6]++;
            if (r.get(w.sameSrv) != KddRate.of(srv, w.cap)) {
                s[7]++;
            }
        }
        if (n == w.cap && r.get(w.srvDiffHost) != 0) {
            s[8]++;
        }
        if (!exists(same, diff, (sm, d) -> (d == 0 && sm == n) || (sm < n && d >= 2 && d <= n - sm + 1))) {
            s[9]++;
        }
        if (!exists(same, diff, (sm, d) -> d == n - sm)) {
            s[10]++;
        }
        if (!exists(same, diffHost, (sm, h) -> (h == 0 && srv == sm) || (srv > sm && h >= 2 && h <= srv - sm + 1))) {
            s[11]++;
        }
        if (!exists(same, diffHost, (sm, h) -> h == srv - sm)) {
            s[12]++;
        }
    }

    private interface IntPair {
        boolean test(int a, int b);
    }

    private static boolean exists(List<Integer> as, List<Integer> bs, IntPair p) {
        for (int a : as) {
            for (int b : bs) {
                if (p.test(a, b)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every k in 0..n whose rate k/n, rounded the given way, is {@code value}. */
    static List<Integer> candidates(double value, int n, Rounding m) {
        List<Integer> ks = new ArrayList<>(2);
        int lo = Math.max(0, (int) Math.floor((value - 0.006) * n));
        int hi = Math.min(n, (int) Math.ceil((value + 0.006) * n));
        for (int k = lo; k <= hi; k++) {
            if (m.of(k, n) == value) {
                ks.add(k);
            }
        }
        return ks;
    }

    private static int n(KddRecord r, KddFeature f) {
        return (int) r.get(f);
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "../../shared/data/kddcup.data_10_percent.gz");
        Report rep = analyse(file);
        System.out.printf("rows %,d%n", rep.rows());
        rep.max().forEach((f, v) -> System.out.printf("max %s = %.0f%n", f.kddName(), v));
        System.out.printf("rows with count 0: %d, with dst_host_count 0: %d%n", rep.zeroCountRows(), rep.zeroDstHostCountRows());
        System.out.printf("rows with dst_host_srv_count > dst_host_count: %,d%n", rep.dstHostSrvCountAboveDstHostCount());
        rep.windows().forEach((w, s) -> System.out.printf("%s (%s): %s%n", w, w.count.kddName(), s));
        rep.flagsAtCountOne().forEach((w, m) -> System.out.printf("flags at %s = 1: %s%n", w.count.kddName(), m));
        System.out.printf("rate values with denominator 2..99: %,d; reproduced: %s%n", rep.ratesWithSmallDenominator(),
                rep.ratesReproduced());
        rep.sameServiceInFullWindows().forEach((s, d) -> System.out.printf(
                "dst_host_same_srv_rate where ~260 consecutive connections to one host are all %s: %s%n", s.kddName(), d));
        System.out.printf("neptune rows %,d, of which private %,d%n", rep.neptuneRows(), rep.neptunePrivateRows());
        System.out.printf("smurf rows by count, most frequent: 511 %,d, 510 %,d, 509 %,d, 508 %,d%n",
                rep.smurfCounts().getOrDefault(511, 0L), rep.smurfCounts().getOrDefault(510, 0L),
                rep.smurfCounts().getOrDefault(509, 0L), rep.smurfCounts().getOrDefault(508, 0L));
        System.out.printf("rows with count 1..99: %,d; same_srv_rate x count = srv_count in %,d%n",
                rep.smallCountRows(), rep.sameTimesCountIsServiceCount());
    }
}

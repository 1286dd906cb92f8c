package gatewatch.detector.bench;

import gatewatch.detector.encode.DetectorRow;
import gatewatch.detector.model.Ensemble;
import gatewatch.detector.model.Verdict;
import gatewatch.features.kdd.KddRecord;
import java.nio.file.Path;

/**
 * A quick, rough single-thread timing of a model file on rows of {@code corrected} (best of
 * several passes). For development only; the numbers that count come from {@link ScoringBenchmark}.
 * Usage: {@code SpeedCheck MODEL [rows]}.
 */
public final class SpeedCheck {
    public static void main(String[] args) throws Exception {
        Ensemble e = Ensemble.load(Path.of(args[0]));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 65_536;
        double[][] rows = BenchModels.testRows(n);
        double[] raw = new double[n * DetectorRow.WIDTH];
        KddRecord[] records = new KddRecord[n];
        for (int i = 0; i < n; i++) {
            DetectorRow.copy(rows[i], raw, i * DetectorRow.WIDTH);
            records[i] = KddRecord.of(rows[i]);
        }
        Verdict[] out = new Verdict[n];
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int pass = 0; pass < 8; pass++) {
            long c0 = mx.getCurrentThreadCpuTime();
            e.scoreBatch(raw, n, out);
            long c1 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                e.score(records[i]);
            }
            long c2 = mx.getCurrentThreadCpuTime();
            System.out.printf("pass %d on-CPU: batch %.0f ns/row, single %.0f ns/row%n", pass, (c1 - c0) / (double) n,
                    (c2 - c1) / (double) n);
            long t0 = System.nanoTime();
            e.scoreBatch(raw, n, out);
            long t1 = System.nanoTime();
            long alerts = 0;
            for (int i = 0; i < n; i++) {
                if (e.score(records[i]).isAlert()) {
                    alerts++;
                }
            }
            long t2 = System.nanoTime();
            System.out.printf("pass %d: batch %.0f ns/row (%.0f k/s), single %.0f ns/row (%.0f k/s), alerts %d%n", pass,
                    (t1 - t0) / (double) n, n / ((t1 - t0) / 1e9) / 1e3, (t2 - t1) / (double) n, n / ((t2 - t1) / 1e9) / 1e3, alerts);
        }
    }
}

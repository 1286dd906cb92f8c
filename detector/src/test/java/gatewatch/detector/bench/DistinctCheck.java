package gatewatch.detector.bench;

import gatewatch.detector.model.BatchScorer;
import gatewatch.detector.model.Ensemble;
import gatewatch.detector.model.Verdict;
import gatewatch.features.kdd.KddRecord;
import java.nio.file.Path;

/**
 * Rough single-thread timing of a model file on pairwise different rows of {@code corrected},
 * through the public batch API only, so that two builds can be compared in alternating runs
 * (for development; the numbers that count come from {@link ScoringBenchmark}).
 * Usage: {@code DistinctCheck MODEL [rows] [passes]}.
 */
public final class DistinctCheck {
    public static void main(String[] args) throws Exception {
        Ensemble e = Ensemble.load(Path.of(args[0]));
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 16_384;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        double[][] rows = BenchModels.distinctTestRows(n);
        KddRecord[] records = new KddRecord[n];
        for (int i = 0; i < n; i++) {
            records[i] = KddRecord.of(rows[i]);
        }
        Verdict[] out = new Verdict[n];
        BatchScorer scorer = e.scorer(0);
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        for (int pass = 0; pass < passes; pass++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            scorer.scoreBatch(records, n, out);
            long c1 = cpu.getCurrentThreadCpuTime();
            best = Math.min(best, (c1 - c0) / (double) n);
        }
        System.out.printf("%s: best of %d passes on-CPU %.0f ns/row (%.0f k rows/s)%n", e.modelVersion(), passes, best,
                1e6 / best);
    }
}

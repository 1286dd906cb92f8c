package gatewatch.detector.eval;

import gatewatch.detector.anomaly.NormalScorer;
import gatewatch.detector.model.Ensemble;
import gatewatch.detector.model.Verdict;
import gatewatch.detector.encode.DetectorRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** What {@link BaselineComparison} measures of a model beside its curves: bytes and speed. */
final class Sizes {
    private static final int ROUNDS = 5;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private Sizes() {
    }

    /** Bytes of {@code o} in Java serialisation, the form the model file stores. */
    static long serialised(Object o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.size();
    }

    /**
     * Encoded rows scored per CPU second of this thread, the best of five passes (the first warms
     * the JIT). CPU time rather than wall time: on a machine shared with other builds a thread
     * waits for a core, and the wait is not the model's cost.
     */
    static double rowsPerSecond(NormalScorer s, double[][] rows) {
        double best = 0;
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            s.scoreAll(rows); // the scores are kept in an array the JIT cannot prove unused
            long t1 = CPU.getCurrentThreadCpuTime();
            best = Math.max(best, rows.length / ((t1 - t0) / 1e9));
        }
        return best;
    }

    /** Raw rows (at most {@code max}) scored per CPU second by the ensemble's batch path on this thread, best of five. */
    static double ensembleRowsPerSecond(Ensemble e, double[][] rows, int max) {
        int n = Math.min(max, rows.length);
        int f = DetectorRow.WIDTH;
        double[] flat = new double[n * f];
        for (int i = 0; i < n; i++) {
            DetectorRow.copy(rows[i], flat, i * f);
        }
        Verdict[] out = new Verdict[n];
        double best = 0;
        for (int r = 0; r < ROUNDS; r++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            e.scoreBatch(flat, n, out);
            long t1 = CPU.getCurrentThreadCpuTime();
            best = Math.max(best, n / ((t1 - t0) / 1e9));
        }
        return best;
    }
}

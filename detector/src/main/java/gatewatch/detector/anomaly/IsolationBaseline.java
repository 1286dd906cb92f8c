package gatewatch.detector.anomaly;

import gatewatch.detector.model.IsolationScorer;
import gatewatch.features.kdd.KddFeature;

/** The ensemble's own isolation forest, as a {@link NormalScorer} beside the others. */
public record IsolationBaseline(IsolationScorer forest) implements NormalScorer {
    private static final int F = KddFeature.COUNT_OF_FEATURES;
    private static final int BATCH = 64;

    @Override
    public String name() {
        return "iforest";
    }

    @Override
    public double[][] scratch() {
        return new double[0][];
    }

    @Override
    public double score(double[] x, int off, double[][] scratch) {
        return forest.score(x, off);
    }

    /** Batches of 64 rows through the forest's batch walk, as the detector scores them. */
    @Override
    public double[] scoreAll(double[][] encoded) {
        double[] out = new double[encoded.length];
        double[] flat = new double[BATCH * F];
        double[] scores = new double[BATCH];
        for (int start = 0; start < encoded.length; start += BATCH) {
            int m = Math.min(BATCH, encoded.length - start);
            for (int i = 0; i < m; i++) {
                System.arraycopy(encoded[start + i], 0, flat, i * F, F);
            }
            forest.scoreBatch(flat, m, scores);
            System.arraycopy(scores, 0, out, start, m);
        }
        return out;
    }
}

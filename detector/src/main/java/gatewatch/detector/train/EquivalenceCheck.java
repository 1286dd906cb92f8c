package gatewatch.detector.train;

import gatewatch.detector.model.BoostScorer;
import gatewatch.detector.model.ForestScorer;
import gatewatch.detector.model.IsolationScorer;
import java.util.Arrays;
import smile.anomaly.IsolationForest;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.type.StructType;

/**
 * Compares compiled scorers with the Smile models they came from, row by row, demanding the
 * same class and bit-identical posteriors and anomaly scores.
 */
public final class EquivalenceCheck {
    private EquivalenceCheck() {
    }

    /** Rows on which the compiled and the Smile outputs differ, per model. */
    public record Mismatches(long rows, long forest, long boost, long baseline) {
        public boolean none() {
            return forest == 0 && boost == 0 && baseline == 0;
        }
    }

    /** Compares on every row of {@code x} (encoded rows). */
    public static Mismatches compare(RandomForest rf, GradientTreeBoost gbt, IsolationForest iforest, ForestScorer forest,
            BoostScorer boost, IsolationScorer baseline, double[][] x, String[] columns) {
        StructType schema = DataFrame.of(new double[][] {x[0]}, columns).schema();
        double[] a = new double[forest.classes()];
        double[] b = new double[forest.classes()];
        double[] c = new double[boost.classes()];
        double[] d = new double[boost.classes()];
        long mf = 0;
        long mb = 0;
        long mi = 0;
        for (double[] row : x) {
            Tuple t = Tuple.of(schema, row);
            if (rf.predict(t, a) != forest.predict(row, 0, b) || !Arrays.equals(a, b)) {
                mf++;
            }
            if (gbt.predict(t, c) != boost.predict(row, 0, d) || !Arrays.equals(c, d)) {
                mb++;
            }
            if (Double.doubleToLongBits(iforest.score(row)) != Double.doubleToLongBits(baseline.score(row, 0))) {
                mi++;
            }
        }
        return new Mismatches(x.length, mf, mb, mi);
    }

    /** Checks a spread-out sample of {@code x}; throws when any compiled output differs from Smile's. */
    static void require(RandomForest rf, GradientTreeBoost gbt, IsolationForest iforest, ForestScorer forest,
            BoostScorer boost, IsolationScorer baseline, double[][] x, String[] columns) {
        int step = Math.max(1, x.length / 3000);
        double[][] sample = java.util.stream.IntStream.range(0, x.length).filter(i -> i % step == 0).mapToObj(i -> x[i])
                .toArray(double[][]::new);
        Mismatches m = compare(rf, gbt, iforest, forest, boost, baseline, sample, columns);
        if (!m.none()) {
            throw new IllegalStateException("compiled models disagree with Smile on " + m + "; refusing to write a model");
        }
    }
}

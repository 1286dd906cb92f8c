package gatewatch.detector.model;

import gatewatch.features.kdd.KddFeature;
import java.io.Serializable;
import java.util.Arrays;

/**
 * A compiled isolation forest (Smile's {@code IsolationForest} with extension level 0): every
 * split multiplies one feature by a random slope and compares with a bias, going to the first
 * child when the product is below it, as Smile's {@code dot(x, slope) < bias} does when the slope
 * has a single non-zero entry. Leaves hold the adjusted depth. The score is
 * {@code 2^(-mean depth / c)} with Smile's normalising factor {@code c}, in (0, 1]; higher is
 * stranger.
 *
 * @param trees  split feature and bias per node; leaf payload offsets into {@code depth}
 * @param slope  the slope per node (0 for a leaf)
 * @param depth  the adjusted depth per leaf
 * @param factor Smile's normalising factor c(n) for the training size n
 */
public record IsolationScorer(TreeArrays trees, double[] slope, double[] depth, double factor) implements Serializable {
    public IsolationScorer {
        if (slope.length != trees.nodeCount() || trees.maxLeafOffset() >= depth.length || !(factor > 0)) {
            throw new IllegalArgumentException("isolation forest tables do not match its trees");
        }
    }

    /** The anomaly score of one encoded row. */
    public double score(double[] x, int off) {
        int[] feature = trees.feature();
        double[] bias = trees.threshold();
        int[] next = trees.next();
        double length = 0.0;
        for (int root : trees.roots()) {
            int n = root;
            int f;
            while ((f = feature[n]) >= 0) {
                n = x[off + f] * slope[n] < bias[n] ? next[n] : next[n] + 1;
            }
            length += depth[next[n]];
        }
        length /= trees.treeCount();
        return Math.pow(2.0, -length / factor);
    }

    /** Scores of {@code rows} encoded rows (row-major) into {@code out}. */
    public void scoreBatch(double[] x, int rows, double[] out) {
        Arrays.fill(out, 0, rows, 0.0);
        int[] feature = trees.feature();
        double[] bias = trees.threshold();
        int[] next = trees.next();
        for (int root : trees.roots()) {
            for (int r = 0; r < rows; r++) {
                int off = r * KddFeature.COUNT_OF_FEATURES;
                int n = root;
                int f;
                while ((f = feature[n]) >= 0) {
                    n = x[off + f] * slope[n] < bias[n] ? next[n] : next[n] + 1;
                }
                out[r] += depth[next[n]];
            }
        }
        int t = trees.treeCount();
        for (int r = 0; r < rows; r++) {
            out[r] = Math.pow(2.0, -(out[r] / t) / factor);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IsolationScorer s && trees.equals(s.trees) && Arrays.equals(slope, s.slope)
                && Arrays.equals(depth, s.depth) && factor == s.factor;
    }

    @Override
    public int hashCode() {
        return trees.hashCode();
    }
}

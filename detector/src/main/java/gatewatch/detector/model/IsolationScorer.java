package gatewatch.detector.model;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A compiled isolation forest (Smile's {@code IsolationForest} with extension level 0): every
 * split multiplies one feature by a random slope and compares with a bias (kept in
 * {@link TreeArrays#threshold()}), going to the first child when the product is below it, as
 * Smile's {@code dot(x, slope) < bias} does when the slope has a single non-zero entry. Leaves
 * have slope 0 and bias +infinity, so they hold a walk of fixed length like the CART trees, and
 * carry the adjusted depth. The score is {@code 2^(-mean depth / c)} with Smile's normalising
 * factor {@code c}, in (0, 1]; higher is stranger.
 *
 * <p>This is the stored form and the reference walk. Batch scoring derives an
 * {@link IsolationLevels} from it at load (complete trees, exact cuts, rows transposed), which
 * gives the same scores faster.
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
        for (int i = 0; i < slope.length; i++) {
            if (trees.leaf()[i] >= 0 && slope[i] != 0.0) {
                throw new IllegalArgumentException("isolation leaf " + i + " has a slope");
            }
        }
    }

    /** The anomaly score of one encoded row {@code x[off..off+41)}, walking one tree after the other. */
    public double score(double[] x, int off) {
        int[] feature = trees.feature();
        double[] bias = trees.threshold();
        int[] next = trees.next();
        int[] leaf = trees.leaf();
        int[] roots = trees.roots();
        int[] depths = trees.depths();
        double length = 0.0;
        for (int t = 0; t < roots.length; t++) {
            int n = roots[t];
            for (int d = depths[t]; d > 0 && next[n] != n; d--) {
                n = next[n] + (x[off + feature[n]] * slope[n] < bias[n] ? 0 : 1);
            }
            length += depth[leaf[n]];
        }
        return score(length, roots.length, factor);
    }

    /** The score of a row whose path lengths over {@code trees} trees sum to {@code length}. */
    static double score(double length, int trees, double factor) {
        return Math.pow(2.0, -(length / trees) / factor);
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

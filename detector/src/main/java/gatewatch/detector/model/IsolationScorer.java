package gatewatch.detector.model;

import gatewatch.features.kdd.KddFeature;
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
 * <p>This is the stored form and the reference walk: single rows, and batches of a forest that
 * {@link IsolationLevels} cannot lay out. The ensemble's batch scoring derives an
 * {@link IsolationLevels} from it at load (complete trees, exact cuts, rows transposed), which
 * gives the same scores faster; storing exact thresholds instead was tried and was no faster on
 * this walk (detector/RESULTS.md, section 5, runs D and E). The walks repeat {@link TreeArrays}'
 * loops (side by side, early stop) with the slope test in place of {@code x <= threshold}.
 *
 * @param trees  split feature and bias per node; leaf payload offsets into {@code depth}
 * @param slope  the slope per node (0 for a leaf)
 * @param depth  the adjusted depth per leaf
 * @param factor Smile's normalising factor c(n) for the training size n
 */
public record IsolationScorer(TreeArrays trees, double[] slope, double[] depth, double factor) implements Serializable {
    private static final int F = KddFeature.COUNT_OF_FEATURES;

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

    /** The anomaly score of one encoded row. */
    public double score(double[] x, int off) {
        int[] feature = trees.feature();
        double[] bias = trees.threshold();
        int[] next = trees.next();
        int[] leaf = trees.leaf();
        int[] roots = trees.roots();
        int[] depths = trees.depths();
        double length = 0.0;
        int t = 0;
        // Four trees side by side (see TreeArrays.walkTrees); depths still add up in tree order.
        for (; t + 4 <= roots.length; t += 4) {
            int n0 = roots[t];
            int n1 = roots[t + 1];
            int n2 = roots[t + 2];
            int n3 = roots[t + 3];
            int d = Math.max(Math.max(depths[t], depths[t + 1]), Math.max(depths[t + 2], depths[t + 3]));
            for (; d > 0; d--) {
                int m0 = next[n0];
                int m1 = next[n1];
                int m2 = next[n2];
                int m3 = next[n3];
                if (((m0 ^ n0) | (m1 ^ n1) | (m2 ^ n2) | (m3 ^ n3)) == 0) {
                    break; // every lane on its leaf
                }
                n0 = m0 + (x[off + feature[n0]] * slope[n0] < bias[n0] ? 0 : 1);
                n1 = m1 + (x[off + feature[n1]] * slope[n1] < bias[n1] ? 0 : 1);
                n2 = m2 + (x[off + feature[n2]] * slope[n2] < bias[n2] ? 0 : 1);
                n3 = m3 + (x[off + feature[n3]] * slope[n3] < bias[n3] ? 0 : 1);
            }
            length += depth[leaf[n0]];
            length += depth[leaf[n1]];
            length += depth[leaf[n2]];
            length += depth[leaf[n3]];
        }
        for (; t < roots.length; t++) {
            int n = roots[t];
            for (int d = depths[t]; d > 0 && next[n] != n; d--) {
                n = next[n] + (x[off + feature[n]] * slope[n] < bias[n] ? 0 : 1);
            }
            length += depth[leaf[n]];
        }
        length /= roots.length;
        return Math.pow(2.0, -length / factor);
    }

    /** Scores of {@code rows} encoded rows (row-major) into {@code out}; eight rows are walked side by side. */
    public void scoreBatch(double[] x, int rows, double[] out) {
        Arrays.fill(out, 0, rows, 0.0);
        int[] feature = trees.feature();
        double[] bias = trees.threshold();
        int[] next = trees.next();
        int[] leaf = trees.leaf();
        int[] roots = trees.roots();
        int[] depths = trees.depths();
        for (int t = 0; t < roots.length; t++) {
            int root = roots[t];
            int dt = depths[t];
            int r = 0;
            for (; r + 8 <= rows; r += 8) {
                int o = r * F;
                int n0 = root;
                int n1 = root;
                int n2 = root;
                int n3 = root;
                int n4 = root;
                int n5 = root;
                int n6 = root;
                int n7 = root;
                for (int d = dt; d > 0; d--) {
                    int m0 = next[n0];
                    int m1 = next[n1];
                    int m2 = next[n2];
                    int m3 = next[n3];
                    int m4 = next[n4];
                    int m5 = next[n5];
                    int m6 = next[n6];
                    int m7 = next[n7];
                    if (((m0 ^ n0) | (m1 ^ n1) | (m2 ^ n2) | (m3 ^ n3) | (m4 ^ n4) | (m5 ^ n5) | (m6 ^ n6) | (m7 ^ n7)) == 0) {
                        break; // every lane on its leaf
                    }
                    n0 = m0 + (x[o + feature[n0]] * slope[n0] < bias[n0] ? 0 : 1);
                    n1 = m1 + (x[o + F + feature[n1]] * slope[n1] < bias[n1] ? 0 : 1);
                    n2 = m2 + (x[o + 2 * F + feature[n2]] * slope[n2] < bias[n2] ? 0 : 1);
                    n3 = m3 + (x[o + 3 * F + feature[n3]] * slope[n3] < bias[n3] ? 0 : 1);
                    n4 = m4 + (x[o + 4 * F + feature[n4]] * slope[n4] < bias[n4] ? 0 : 1);
                    n5 = m5 + (x[o + 5 * F + feature[n5]] * slope[n5] < bias[n5] ? 0 : 1);
                    n6 = m6 + (x[o + 6 * F + feature[n6]] * slope[n6] < bias[n6] ? 0 : 1);
                    n7 = m7 + (x[o + 7 * F + feature[n7]] * slope[n7] < bias[n7] ? 0 : 1);
                }
                out[r] += depth[leaf[n0]];
                out[r + 1] += depth[leaf[n1]];
                out[r + 2] += depth[leaf[n2]];
                out[r + 3] += depth[leaf[n3]];
                out[r + 4] += depth[leaf[n4]];
                out[r + 5] += depth[leaf[n5]];
                out[r + 6] += depth[leaf[n6]];
                out[r + 7] += depth[leaf[n7]];
            }
            for (; r < rows; r++) {
                int n = root;
                int o = r * F;
                for (int d = dt; d > 0 && next[n] != n; d--) {
                    n = next[n] + (x[o + feature[n]] * slope[n] < bias[n] ? 0 : 1);
                }
                out[r] += depth[leaf[n]];
            }
        }
        int t = roots.length;
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

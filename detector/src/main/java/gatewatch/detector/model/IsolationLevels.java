package gatewatch.detector.model;

import gatewatch.features.kdd.KddFeature;
import java.util.Arrays;

/**
 * An {@link IsolationScorer}'s trees re-laid as complete binary trees in heap order, for batch
 * scoring only: derived when a model is loaded, never stored. Node {@code i} of a tree has its
 * children at {@code 2i + 1} and {@code 2i + 2}, so a step loads no child pointer, and every walk
 * takes exactly the forest's depth in steps, so there is no stop test. A leaf of the original
 * tree above the bottom level becomes a split whose whole subtree ends in copies of that leaf's
 * depth: whichever way the walk goes from there, it ends on the same value.
 *
 * <p>The rows come {@linkplain RowGroups transposed in groups of eight}, so that the eight
 * lanes of a step read one row group through one base index instead of keeping eight row
 * offsets live; with the slope test's extra array that register pressure is what made this
 * forest's walk the slowest of the three (detector/RESULTS.md, section 5, run E).
 *
 * <p>Isolation trees are shallow by construction (the depth limit is log2 of the subsample, 8
 * for 256 rows), so the complete trees stay small; {@link #of} declines deeper ones, and the
 * scorer's own walk is used. Depths are added tree by tree in the original order and turned into
 * the score by the same expression as {@link IsolationScorer#scoreBatch}, so the scores are the
 * same doubles.
 */
final class IsolationLevels {
    private static final int F = KddFeature.COUNT_OF_FEATURES;
    /** Deepest forest laid out this way: 2^10 slots a tree. */
    static final int MAX_DEPTH = 10;

    private final int trees;
    private final int levels;
    private final int stride;
    private final int[] feature;
    private final double[] slope;
    private final double[] bias;
    private final double[] leafDepth;
    private final double factor;

    private IsolationLevels(int trees, int levels, int[] feature, double[] slope, double[] bias, double[] leafDepth,
            double factor) {
        this.trees = trees;
        this.levels = levels;
        this.stride = 1 << levels;
        this.feature = feature;
        this.slope = slope;
        this.bias = bias;
        this.leafDepth = leafDepth;
        this.factor = factor;
    }

    /** The complete-tree layout of {@code s}, or null when its trees are deeper than {@link #MAX_DEPTH}. */
    static IsolationLevels of(IsolationScorer s) {
        TreeArrays t = s.trees();
        int levels = 0;
        for (int d : t.depths()) {
            levels = Math.max(levels, d);
        }
        if (levels > MAX_DEPTH) {
            return null;
        }
        int stride = 1 << levels;
        int n = t.treeCount();
        // Slot stride - 1 of each tree is unused: 2^levels - 1 splits, then 2^levels bottom values.
        int[] feature = new int[n * stride];
        double[] slope = new double[n * stride];
        double[] bias = new double[n * stride];
        double[] leafDepth = new double[n * stride];
        // A pass-through split: 0 * x < +inf holds for every finite x, and either way is right.
        Arrays.fill(bias, Double.POSITIVE_INFINITY);
        for (int k = 0; k < n; k++) {
            place(s, t.roots()[k], 0, 0, levels, k * stride, feature, slope, bias, leafDepth);
        }
        return new IsolationLevels(n, levels, feature, slope, bias, leafDepth, s.factor());
    }

    private static void place(IsolationScorer s, int node, int heap, int level, int levels, int base, int[] feature,
            double[] slope, double[] bias, double[] leafDepth) {
        TreeArrays t = s.trees();
        if (t.leaf()[node] >= 0) {
            // Every bottom slot under this heap position: 2^(levels - level) of them, side by side.
            int width = 1 << (levels - level);
            int first = ((heap + 1) << (levels - level)) - (1 << levels);
            Arrays.fill(leafDepth, base + first, base + first + width, s.depth()[t.leaf()[node]]);
            return;
        }
        feature[base + heap] = t.feature()[node];
        slope[base + heap] = s.slope()[node];
        bias[base + heap] = t.threshold()[node];
        int child = t.next()[node];
        place(s, child, 2 * heap + 1, level + 1, levels, base, feature, slope, bias, leafDepth);
        place(s, child + 1, 2 * heap + 2, level + 1, levels, base, feature, slope, bias, leafDepth);
    }

    /**
     * Anomaly scores of the rows in {@code rows} into {@code out[0..rows.count())}; every group of
     * eight is walked whole, so {@code out} holds at least {@code rows.groups() * 8} values.
     */
    void scoreBatch(RowGroups rows, double[] out) {
        int padded = rows.groups() * RowGroups.LANES;
        Arrays.fill(out, 0, padded, 0.0);
        double[] xT = rows.values();
        int[] feature = this.feature;
        double[] slope = this.slope;
        double[] bias = this.bias;
        double[] leafDepth = this.leafDepth;
        int levels = this.levels;
        int bottom = stride - 1;
        for (int t = 0; t < trees; t++) {
            int root = t * stride;
            // Heap order relative to the tree's first slot: child = 2n - root + 1 (+1 for the second).
            int k = 1 - root;
            for (int r = 0; r < padded; r += RowGroups.LANES) {
                int g = RowGroups.groupOffset(r);
                int n0 = root;
                int n1 = root;
                int n2 = root;
                int n3 = root;
                int n4 = root;
                int n5 = root;
                int n6 = root;
                int n7 = root;
                for (int d = 0; d < levels; d++) {
                    n0 = 2 * n0 + k + (xT[g + (feature[n0] << 3)] * slope[n0] < bias[n0] ? 0 : 1);
                    n1 = 2 * n1 + k + (xT[g + (feature[n1] << 3) + 1] * slope[n1] < bias[n1] ? 0 : 1);
                    n2 = 2 * n2 + k + (xT[g + (feature[n2] << 3) + 2] * slope[n2] < bias[n2] ? 0 : 1);
                    n3 = 2 * n3 + k + (xT[g + (feature[n3] << 3) + 3] * slope[n3] < bias[n3] ? 0 : 1);
                    n4 = 2 * n4 + k + (xT[g + (feature[n4] << 3) + 4] * slope[n4] < bias[n4] ? 0 : 1);
                    n5 = 2 * n5 + k + (xT[g + (feature[n5] << 3) + 5] * slope[n5] < bias[n5] ? 0 : 1);
                    n6 = 2 * n6 + k + (xT[g + (feature[n6] << 3) + 6] * slope[n6] < bias[n6] ? 0 : 1);
                    n7 = 2 * n7 + k + (xT[g + (feature[n7] << 3) + 7] * slope[n7] < bias[n7] ? 0 : 1);
                }
                out[r] += leafDepth[n0 - bottom];
                out[r + 1] += leafDepth[n1 - bottom];
                out[r + 2] += leafDepth[n2 - bottom];
                out[r + 3] += leafDepth[n3 - bottom];
                out[r + 4] += leafDepth[n4 - bottom];
                out[r + 5] += leafDepth[n5 - bottom];
                out[r + 6] += leafDepth[n6 - bottom];
                out[r + 7] += leafDepth[n7 - bottom];
            }
        }
        for (int r = 0, n = rows.count(); r < n; r++) {
            out[r] = Math.pow(2.0, -(out[r] / trees) / factor);
        }
    }
}

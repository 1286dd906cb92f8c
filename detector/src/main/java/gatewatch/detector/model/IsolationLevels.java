package gatewatch.detector.model;

import gatewatch.detector.encode.DetectorRow;
import java.util.Arrays;

/**
 * An {@link IsolationScorer}'s trees re-laid for batch scoring: derived when a model is loaded,
 * never stored, and giving the same scores bit for bit.
 *
 * <ul>
 *   <li><b>Complete trees in heap order.</b> Node {@code i} of a tree has its children at
 *   {@code 2i + 1} and {@code 2i + 2}, so a step loads no child pointer, and every walk takes
 *   exactly the forest's depth in steps, so there is no stop test. A leaf of the original tree
 *   above the bottom level becomes a split whose whole subtree ends in copies of that leaf's
 *   depth: whichever way the walk goes from there, it ends on the same value. Isolation trees are
 *   shallow by construction (the depth limit is log2 of the subsample, 8 for 256 rows), so the
 *   complete trees stay small.</li>
 *   <li><b>Exact cuts instead of slopes.</b> Smile's split {@code x * slope < bias} is, for a
 *   positive slope, {@code x < cut} with {@code cut} the least double whose product with the
 *   slope is not below the bias: rounding a product is monotone in {@code x}, so the doubles that
 *   pass form a prefix, and bisection over the ordered doubles finds where it ends. A negative
 *   slope gives {@code -x < cut} for {@code |slope|}, negation being exact; {@link RowGroups}
 *   carries every value's negation for that. A step is then a load, a load and a compare, with
 *   no multiplication and two arrays fewer.</li>
 *   <li><b>Rows transposed in groups of eight</b> ({@link RowGroups}), so the eight lanes of a
 *   step read one row group through one base index instead of keeping eight row offsets live.</li>
 * </ul>
 *
 * <p>{@link #of} declines a forest it cannot lay out exactly (deeper than {@link #MAX_DEPTH}, or
 * a split whose slope is 0 or not finite, which Smile's Gaussian slopes never are); the scorer's
 * own walk is used then. Depths are added tree by tree in the original order and turned into the
 * score by the same expression as {@link IsolationScorer#score}.
 */
public final class IsolationLevels {
    private static final int F = DetectorRow.WIDTH;
    /** Deepest forest laid out this way: 2^10 slots a tree. */
    static final int MAX_DEPTH = 10;

    private final int trees;
    private final int levels;
    private final int stride;
    /** Per split slot: the column of {@link RowGroups} it tests, times eight (the lane stride). */
    private final int[] column;
    private final double[] cut;
    private final double[] leafDepth;
    private final double factor;

    private IsolationLevels(int trees, int levels, int[] column, double[] cut, double[] leafDepth, double factor) {
        this.trees = trees;
        this.levels = levels;
        this.stride = 1 << levels;
        this.column = column;
        this.cut = cut;
        this.leafDepth = leafDepth;
        this.factor = factor;
    }

    /** The batch layout of {@code s}, or null when it cannot be laid out exactly (see the class comment). */
    public static IsolationLevels of(IsolationScorer s) {
        TreeArrays t = s.trees();
        int levels = 0;
        for (int d : t.depths()) {
            levels = Math.max(levels, d);
        }
        if (levels > MAX_DEPTH) {
            return null;
        }
        for (int i = 0; i < t.nodeCount(); i++) {
            double m = s.slope()[i];
            if (t.leaf()[i] < 0 && (m == 0.0 || !Double.isFinite(m))) {
                return null;
            }
        }
        int stride = 1 << levels;
        int n = t.treeCount();
        // Slot stride - 1 of each tree is unused: 2^levels - 1 splits, then 2^levels bottom values.
        int[] column = new int[n * stride];
        double[] cut = new double[n * stride];
        double[] leafDepth = new double[n * stride];
        // A pass-through split: x < +inf holds for every number, and either way is right.
        Arrays.fill(cut, Double.POSITIVE_INFINITY);
        for (int k = 0; k < n; k++) {
            place(s, t.roots()[k], 0, 0, levels, k * stride, column, cut, leafDepth);
        }
        return new IsolationLevels(n, levels, column, cut, leafDepth, s.factor());
    }

    private static void place(IsolationScorer s, int node, int heap, int level, int levels, int base, int[] column,
            double[] cut, double[] leafDepth) {
        TreeArrays t = s.trees();
        if (t.leaf()[node] >= 0) {
            // Every bottom slot under this heap position: 2^(levels - level) of them, side by side.
            int width = 1 << (levels - level);
            int first = ((heap + 1) << (levels - level)) - (1 << levels);
            Arrays.fill(leafDepth, base + first, base + first + width, s.depth()[t.leaf()[node]]);
            return;
        }
        double m = s.slope()[node];
        column[base + heap] = (m > 0 ? t.feature()[node] : F + t.feature()[node]) * RowGroups.LANES;
        cut[base + heap] = cut(Math.abs(m), t.threshold()[node]);
        int child = t.next()[node];
        place(s, child, 2 * heap + 1, level + 1, levels, base, column, cut, leafDepth);
        place(s, child + 1, 2 * heap + 2, level + 1, levels, base, column, cut, leafDepth);
    }

    /**
     * For {@code m > 0}: the double {@code c} with {@code y * m < b} exactly when {@code y < c},
     * for every double {@code y} (NaN included: neither holds).
     */
    static double cut(double m, double b) {
        long lo = order(Double.NEGATIVE_INFINITY);
        long hi = order(Double.POSITIVE_INFINITY);
        if (atOrAbove(lo, m, b)) {
            return Double.NEGATIVE_INFINITY; // no y passes
        }
        // Invariant: the double at lo passes, the one at hi does not (+inf * m < b holds for no b).
        while (lo < hi - 1) {
            long mid = (lo >> 1) + (hi >> 1) + (lo & hi & 1);
            if (atOrAbove(mid, m, b)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return fromOrder(hi);
    }

    private static boolean atOrAbove(long ordered, double m, double b) {
        return !(fromOrder(ordered) * m < b);
    }

    /** The doubles but NaN, mapped to longs in the same order (-0.0 just below +0.0). */
    private static long order(double v) {
        long bits = Double.doubleToRawLongBits(v);
        return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
    }

    private static double fromOrder(long k) {
        return Double.longBitsToDouble(k >= 0 ? k : k ^ Long.MAX_VALUE);
    }

    /**
     * Anomaly scores of the rows in {@code rows} into {@code out[0..rows.count())}; every group of
     * eight is walked whole, so {@code out} holds at least {@code rows.groups() * 8} values.
     */
    void scoreBatch(RowGroups rows, double[] out) {
        int padded = rows.groups() * RowGroups.LANES;
        Arrays.fill(out, 0, padded, 0.0);
        double[] xT = rows.values();
        int[] column = this.column;
        double[] cut = this.cut;
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
                    n0 = 2 * n0 + k + (xT[g + column[n0]] < cut[n0] ? 0 : 1);
                    n1 = 2 * n1 + k + (xT[g + column[n1] + 1] < cut[n1] ? 0 : 1);
                    n2 = 2 * n2 + k + (xT[g + column[n2] + 2] < cut[n2] ? 0 : 1);
                    n3 = 2 * n3 + k + (xT[g + column[n3] + 3] < cut[n3] ? 0 : 1);
                    n4 = 2 * n4 + k + (xT[g + column[n4] + 4] < cut[n4] ? 0 : 1);
                    n5 = 2 * n5 + k + (xT[g + column[n5] + 5] < cut[n5] ? 0 : 1);
                    n6 = 2 * n6 + k + (xT[g + column[n6] + 6] < cut[n6] ? 0 : 1);
                    n7 = 2 * n7 + k + (xT[g + column[n7] + 7] < cut[n7] ? 0 : 1);
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
            out[r] = IsolationScorer.score(out[r], trees, factor);
        }
    }

    /** Anomaly scores of encoded rows ({@link DetectorRow#WIDTH} values each), a group of rows at a time. */
    public double[] scoreAll(double[][] encoded) {
        int chunk = 64;
        double[] out = new double[encoded.length];
        double[] flat = new double[chunk * F];
        double[] scores = new double[chunk];
        RowGroups groups = new RowGroups(chunk);
        for (int start = 0; start < encoded.length; start += chunk) {
            int m = Math.min(chunk, encoded.length - start);
            for (int i = 0; i < m; i++) {
                System.arraycopy(encoded[start + i], 0, flat, i * F, F);
            }
            groups.fill(flat, m);
            scoreBatch(groups, scores);
            System.arraycopy(scores, 0, out, start, m);
        }
        return out;
    }
}

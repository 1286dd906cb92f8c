package gatewatch.detector.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Trees of at most 64 leaves evaluated the QuickScorer way (Lucchese et al., SIGIR 2015) instead of
 * walked: derived when a model is loaded, never stored, and reaching the very leaves a walk reaches.
 *
 * <p>Number each tree's leaves left to right, and give every split a mask that has a 0 for each
 * leaf of its first subtree and a 1 elsewhere. A row's leaf in a tree is then the lowest leaf
 * that survives the AND of the masks of the tree's splits whose test fails for the row: a failed
 * test rules out its first subtree, and the leaf the walk ends on is left of everything a failed
 * test on its path left standing. The splits on a feature, sorted by threshold, fail
 * ({@code !(x <= threshold)}) for a prefix of that order, so each feature's list is scanned until
 * the first test that holds; the work is the failing splits, not the paths.
 *
 * <p>For the category boost (50 trees of at most 8 leaves, depth up to 7) a row's paths take
 * about 170 steps, each a chain of three dependent loads, while about 85 of its 350 splits fail;
 * each of those is one AND into a word that stays in L1. {@link #of} declines trees of more than
 * 64 leaves (the label forest's), which are walked.
 */
final class QuickScorer {
    private final int trees;
    /** The features some split tests, and where each one's splits are in the arrays below. */
    private final int[] features;
    private final int[] from;
    private final int[] to;
    /** Per split, sorted by feature and then threshold: threshold, tree, mask. */
    private final double[] threshold;
    private final int[] tree;
    private final long[] mask;
    /** Per tree, its leaves' payload offsets left to right, starting at leafBase[tree]. */
    private final int[] leafBase;
    private final int[] leafPayload;

    private QuickScorer(int trees, int[] features, int[] from, int[] to, double[] threshold, int[] tree, long[] mask,
            int[] leafBase, int[] leafPayload) {
        this.trees = trees;
        this.features = features;
        this.from = from;
        this.to = to;
        this.threshold = threshold;
        this.tree = tree;
        this.mask = mask;
        this.leafBase = leafBase;
        this.leafPayload = leafPayload;
    }

    private record Split(int feature, double threshold, int tree, long mask) {}

    /**
     * The QuickScorer form of {@code t}, or null when a tree has more than 64 leaves or a split
     * has a NaN threshold (every test on it fails, so it would not sort into a prefix; trained
     * trees have none).
     */
    static QuickScorer of(TreeArrays t) {
        for (int i = 0; i < t.nodeCount(); i++) {
            if (t.leaf()[i] < 0 && Double.isNaN(t.threshold()[i])) {
                return null;
            }
        }
        int n = t.treeCount();
        List<Split> splits = new ArrayList<>();
        int[] leafBase = new int[n];
        int[] payload = new int[t.nodeCount()];
        int leaves = 0;
        for (int k = 0; k < n; k++) {
            // A tree d deep has more than d leaves, so this also bounds number()'s recursion.
            if (t.depths()[k] >= 64) {
                return null;
            }
            leafBase[k] = leaves;
            int count = number(t, t.roots()[k], k, 0, leaves, payload, splits);
            if (count > 64) {
                return null;
            }
            leaves += count;
        }
        splits.sort(Comparator.comparingInt(Split::feature).thenComparingDouble(Split::threshold));
        int m = splits.size();
        double[] threshold = new double[m];
        int[] tree = new int[m];
        long[] mask = new long[m];
        for (int i = 0; i < m; i++) {
            Split s = splits.get(i);
            threshold[i] = s.threshold();
            tree[i] = s.tree();
            mask[i] = s.mask();
        }
        int used = (int) splits.stream().mapToInt(Split::feature).distinct().count();
        int[] features = new int[used];
        int[] from = new int[used];
        int[] to = new int[used];
        int u = -1;
        for (int i = 0; i < m; i++) {
            if (u < 0 || features[u] != splits.get(i).feature()) {
                u++;
                features[u] = splits.get(i).feature();
                from[u] = i;
            }
            to[u] = i + 1;
        }
        return new QuickScorer(n, features, from, to, threshold, tree, mask, leafBase, Arrays.copyOf(payload, leaves));
    }

    /**
     * Numbers the leaves under {@code node} left to right from {@code first} (tree {@code k}'s
     * leaf {@code i} has its payload at {@code payload[base + i]}) and adds a split per internal
     * node, masking out its first child's leaves; returns the number after the last leaf, or a
     * number past 64 once the tree has more leaves than a mask holds.
     */
    private static int number(TreeArrays t, int node, int k, int first, int base, int[] payload, List<Split> splits) {
        if (t.leaf()[node] >= 0) {
            if (first < 64) {
                payload[base + first] = t.leaf()[node];
            }
            return first + 1;
        }
        int child = t.next()[node];
        int afterFirst = number(t, child, k, first, base, payload, splits);
        if (afterFirst >= 64) {
            return afterFirst + 1; // the second child adds at least one leaf
        }
        long ones = (1L << (afterFirst - first)) - 1;
        splits.add(new Split(t.feature()[node], t.threshold()[node], k, ~(ones << first)));
        return number(t, child + 1, k, afterFirst, base, payload, splits);
    }

    /**
     * The payload offsets of the leaves every tree reaches for the row {@code x[off..off+41)} into
     * {@code out[0..trees)}; {@code words} is scratch of at least one long per tree.
     */
    void leaves(double[] x, int off, long[] words, int[] out) {
        Arrays.fill(words, 0, trees, -1L);
        double[] threshold = this.threshold;
        int[] tree = this.tree;
        long[] mask = this.mask;
        for (int u = 0; u < features.length; u++) {
            double v = x[off + features[u]];
            for (int i = from[u], end = to[u]; i < end && !(v <= threshold[i]); i++) {
                words[tree[i]] &= mask[i];
            }
        }
        for (int k = 0; k < trees; k++) {
            out[k] = leafPayload[leafBase[k] + Long.numberOfTrailingZeros(words[k])];
        }
    }
}

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
            leafBase[k] = leaves;
            int count = number(t, t.roots()[k], k, payload, leaves, splits);
            if (count < 0) {
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
     * Numbers the leaves under {@code node} from {@code first} (their payloads into {@code payload}),
     * adds a split per internal node; returns the leaf count, or -1 past 64 leaves in the tree.
     */
    private static int number(TreeArrays t, int node, int k, int[] payload, int first, List<Split> splits) {
        int base = first;
        // Breadth-first order: every node before its children, so leaf counts fill in backwards
        // and first-leaf numbers forwards.
        int[] order = subtree(t, node);
        int[] leafCount = new int[order.length];
        java.util.Map<Integer, Integer> at = new java.util.HashMap<>();
        for (int i = 0; i < order.length; i++) {
            at.put(order[i], i);
        }
        for (int i = order.length - 1; i >= 0; i--) {
            int v = order[i];
            leafCount[i] = t.leaf()[v] >= 0 ? 1 : leafCount[at.get(t.next()[v])] + leafCount[at.get(t.next()[v] + 1)];
        }
        if (leafCount[0] > 64) {
            return -1;
        }
        // Each node's first leaf, numbering leaves left to right; a split masks out its first child's leaves.
        int[] firstLeaf = new int[order.length];
        firstLeaf[0] = 0;
        for (int i = 0; i < order.length; i++) {
            int v = order[i];
            if (t.leaf()[v] >= 0) {
                payload[base + firstLeaf[i]] = t.leaf()[v];
                continue;
            }
            int left = at.get(t.next()[v]);
            int right = at.get(t.next()[v] + 1);
            firstLeaf[left] = firstLeaf[i];
            firstLeaf[right] = firstLeaf[i] + leafCount[left];
            long ones = (1L << leafCount[left]) - 1; // a first child has fewer than 64 leaves
            splits.add(new Split(t.feature()[v], t.threshold()[v], k, ~(ones << firstLeaf[i])));
        }
        return leafCount[0];
    }

    /** The nodes of the tree under {@code root}, breadth first. */
    private static int[] subtree(TreeArrays t, int root) {
        List<Integer> out = new ArrayList<>();
        out.add(root);
        for (int i = 0; i < out.size(); i++) {
            int v = out.get(i);
            if (t.leaf()[v] < 0) {
                out.add(t.next()[v]);
                out.add(t.next()[v] + 1);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
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

package gatewatch.detector.model;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A compiled random forest (Smile's {@code RandomForest} soft vote): each leaf holds the tree's
 * weight times its class posteriors, the forest sums them over the trees in order and divides by
 * the total, exactly as {@code RandomForest.predict(Tuple, double[])} does, so the results are the
 * same doubles.
 *
 * @param trees   the trees; a leaf's payload offset points into {@code leaves}
 * @param classes number of classes
 * @param leaves  {@code classes} values per leaf
 */
public record ForestScorer(TreeArrays trees, int classes, double[] leaves) implements Serializable {
    public ForestScorer {
        if (classes < 2 || trees.maxLeafOffset() + classes > leaves.length) {
            throw new IllegalArgumentException("forest leaf table does not match its trees");
        }
    }

    /**
     * Posteriors of one encoded row {@code x[off..off+41)} into {@code post[0..classes)}, walking
     * one tree after the other (the reference walk); returns the arg max.
     */
    public int predict(double[] x, int off, double[] post) {
        int k = classes;
        Arrays.fill(post, 0, k, 0.0);
        for (int t = 0, trees = this.trees.treeCount(); t < trees; t++) {
            int p = this.trees.walk(t, x, off);
            for (int i = 0; i < k; i++) {
                post[i] += leaves[p + i];
            }
        }
        return normalize(post, 0, k);
    }

    /**
     * Posteriors of {@code rows} encoded rows ({@code x} row-major, 41 values each) into
     * {@code post} (row-major, {@code classes} each). Walks tree by tree so that one tree's nodes
     * stay in cache for the whole batch; per row the sums run in the same order as
     * {@link #predict}, so the results are identical. {@code leafScratch} holds at least
     * {@code rows} ints.
     */
    public void predictBatch(double[] x, int rows, double[] post, int[] leafScratch) {
        int k = classes;
        Arrays.fill(post, 0, rows * k, 0.0);
        double[] leaf = leaves;
        for (int t = 0, trees = this.trees.treeCount(); t < trees; t++) {
            this.trees.walkBatch(t, x, rows, leafScratch);
            for (int r = 0; r < rows; r++) {
                int p = leafScratch[r];
                int o = r * k;
                for (int i = 0; i < k; i++) {
                    post[o + i] += leaf[p + i];
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            normalize(post, r * k, k);
        }
    }

    /** Divides by the L1 norm (Smile's {@code MathEx.unitize1}) and returns the arg max. */
    static int normalize(double[] post, int o, int k) {
        double sum = 0.0;
        for (int i = 0; i < k; i++) {
            sum += Math.abs(post[o + i]);
        }
        int best = 0;
        for (int i = 0; i < k; i++) {
            post[o + i] /= sum;
            if (post[o + i] > post[o + best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ForestScorer f && classes == f.classes && trees.equals(f.trees) && Arrays.equals(leaves, f.leaves);
    }

    @Override
    public int hashCode() {
        return trees.hashCode() * 31 + classes;
    }
}

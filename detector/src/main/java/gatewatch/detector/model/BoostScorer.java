package gatewatch.detector.model;

import gatewatch.features.kdd.KddFeature;
import java.io.Serializable;
import java.util.Arrays;

/**
 * A compiled multi-class gradient tree boost (Smile's {@code GradientTreeBoost}, k &gt; 2): one
 * group of regression trees per class, trees stored class after class. Each leaf holds
 * {@code shrinkage * output}, the very product Smile adds, so the class scores, the soft-max and
 * the arg max come out as the same doubles as {@code GradientTreeBoost.predict(Tuple, double[])}.
 *
 * @param trees   {@code classes * treesPerClass} trees, class-major
 * @param classes number of classes
 * @param leaves  one value per leaf
 */
public record BoostScorer(TreeArrays trees, int classes, double[] leaves) implements Serializable {
    public BoostScorer {
        if (classes < 3 || trees.treeCount() % classes != 0 || trees.maxLeafOffset() >= leaves.length) {
            throw new IllegalArgumentException("boost leaf table does not match its trees");
        }
    }

    public int treesPerClass() {
        return trees.treeCount() / classes;
    }

    /**
     * Class probabilities of one encoded row into {@code post[0..classes)}; returns the arg max.
     * {@code leafScratch} holds at least one int per tree.
     */
    public int predict(double[] x, int off, double[] post, int[] leafScratch) {
        trees.walkTrees(0, trees.treeCount(), x, off, leafScratch);
        return classProbabilities(leafScratch, post, 0);
    }

    /**
     * As {@link #predict(double[], int, double[], int[])}, finding the leaves with {@code quick},
     * this boost's trees in {@link QuickScorer} form, into {@code post[o..o+classes)};
     * {@code leafScratch} holds one int and {@code words} one long per tree.
     */
    int predict(QuickScorer quick, double[] x, int off, double[] post, int o, int[] leafScratch, long[] words) {
        quick.leaves(x, off, words, leafScratch);
        return classProbabilities(leafScratch, post, o);
    }

    /** Sums each class's leaves in tree order from 0.0, as Smile does, then the soft-max. */
    private int classProbabilities(int[] leafOfTree, double[] post, int o) {
        int per = treesPerClass();
        for (int j = 0, t = 0; j < classes; j++) {
            double s = 0.0;
            for (int end = t + per; t < end; t++) {
                s += leaves[leafOfTree[t]];
            }
            post[o + j] = s;
        }
        return softmax(post, o, classes);
    }

    /** {@link #predict(double[], int, double[], int[])} with its own scratch. */
    public int predict(double[] x, int off, double[] post) {
        return predict(x, off, post, new int[trees.treeCount()]);
    }

    /**
     * Class probabilities of {@code rows} encoded rows (row-major) into {@code post} (row-major);
     * {@code leafScratch} holds at least {@code rows} ints.
     */
    public void predictBatch(double[] x, int rows, double[] post, int[] leafScratch) {
        int k = classes;
        Arrays.fill(post, 0, rows * k, 0.0);
        int per = treesPerClass();
        for (int t = 0, trees = this.trees.treeCount(); t < trees; t++) {
            int j = t / per;
            this.trees.walkBatch(t, x, rows, leafScratch);
            for (int r = 0; r < rows; r++) {
                post[r * k + j] += leaves[leafScratch[r]];
            }
        }
        for (int r = 0; r < rows; r++) {
            softmax(post, r * k, k);
        }
    }

    /**
     * As {@link #predictBatch(double[], int, double[], int[])}, finding the leaves with
     * {@code quick}, one row at a time (the sums per class are the same additions in the same
     * order as the tree-by-tree batch); {@code leafScratch} holds one int and {@code words} one
     * long per tree.
     */
    void predictBatch(QuickScorer quick, double[] x, int rows, double[] post, int[] leafScratch, long[] words) {
        for (int r = 0; r < rows; r++) {
            predict(quick, x, r * KddFeature.COUNT_OF_FEATURES, post, r * classes, leafScratch, words);
        }
    }

    /** Smile's soft-max: subtract the first maximum, exponentiate, divide by the sum. */
    static int softmax(double[] post, int o, int k) {
        double max = Double.NEGATIVE_INFINITY;
        int best = -1;
        for (int j = 0; j < k; j++) {
            if (post[o + j] > max) {
                max = post[o + j];
                best = j;
            }
        }
        double z = 0.0;
        for (int j = 0; j < k; j++) {
            post[o + j] = Math.exp(post[o + j] - max);
            z += post[o + j];
        }
        for (int j = 0; j < k; j++) {
            post[o + j] /= z;
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoostScorer b && classes == b.classes && trees.equals(b.trees) && Arrays.equals(leaves, b.leaves);
    }

    @Override
    public int hashCode() {
        return trees.hashCode() * 31 + classes;
    }
}

package gatewatch.detector.model;

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
     * Class probabilities of one encoded row {@code x[off..off+41)} into {@code post[0..classes)},
     * walking one tree after the other (the reference walk); returns the arg max.
     */
    public int predict(double[] x, int off, double[] post) {
        return predictInto(x, off, post, 0);
    }

    /** As {@link #predict(double[], int, double[])}, into {@code post[o..o+classes)}. */
    int predictInto(double[] x, int off, double[] post, int o) {
        int per = treesPerClass();
        for (int j = 0, t = 0; j < classes; j++) {
            double s = 0.0;
            for (int end = t + per; t < end; t++) {
                s += leaves[trees.walk(t, x, off)];
            }
            post[o + j] = s;
        }
        return softmax(post, o, classes);
    }

    /**
     * As {@link #predictInto}, finding the leaves with {@code quick}, this boost's trees in
     * {@link QuickScorer} form (the same leaves, so the same sums in the same order);
     * {@code leafOfTree} holds one int and {@code words} one long per tree.
     */
    int predict(QuickScorer quick, double[] x, int off, double[] post, int o, int[] leafOfTree, long[] words) {
        quick.leaves(x, off, words, leafOfTree);
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

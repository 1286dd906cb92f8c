package gatewatch.detector.model;

import gatewatch.features.kdd.KddFeature;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Binary trees flattened into parallel arrays, the layout the compiled scorers walk.
 *
 * <p>Node {@code i} is a leaf when {@code feature[i] < 0}; then {@code next[i]} is the offset of
 * its payload in the owner's leaf table. Otherwise it tests {@code feature[i]} against
 * {@code threshold[i]} and goes to {@code next[i]} when the test holds, else to {@code next[i] + 1}:
 * the two children sit side by side, so one index serves both. Children always come after their
 * parent, which the constructor checks, so a walk ends even on a crafted model file.
 *
 * @param feature   split feature per node, or -1 for a leaf
 * @param threshold split value per node (0 for a leaf)
 * @param next      first child per internal node, payload offset per leaf
 * @param roots     the root node of each tree
 */
public record TreeArrays(int[] feature, double[] threshold, int[] next, int[] roots) implements Serializable {
    public TreeArrays {
        int n = feature.length;
        if (threshold.length != n || next.length != n) {
            throw new IllegalArgumentException("tree arrays differ in length");
        }
        for (int i = 0; i < n; i++) {
            if (feature[i] >= 0) {
                if (feature[i] >= KddFeature.COUNT_OF_FEATURES || next[i] <= i || next[i] + 1 >= n) {
                    throw new IllegalArgumentException("tree node " + i + " is malformed");
                }
            } else if (feature[i] != -1 || next[i] < 0) {
                throw new IllegalArgumentException("tree leaf " + i + " is malformed");
            }
        }
        for (int r : roots) {
            if (r < 0 || r >= n) {
                throw new IllegalArgumentException("tree root " + r + " out of range");
            }
        }
    }

    public int treeCount() {
        return roots.length;
    }

    public int nodeCount() {
        return feature.length;
    }

    /** The largest leaf payload offset, for the owner to check its leaf table against. */
    public int maxLeafOffset() {
        int max = -1;
        for (int i = 0; i < feature.length; i++) {
            if (feature[i] < 0) {
                max = Math.max(max, next[i]);
            }
        }
        return max;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeArrays t && Arrays.equals(feature, t.feature) && Arrays.equals(threshold, t.threshold)
                && Arrays.equals(next, t.next) && Arrays.equals(roots, t.roots);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(next) * 31 + Arrays.hashCode(roots);
    }

    /** Builds the arrays node by node; children of a node are allocated together. */
    public static final class Builder {
        private int[] feature = new int[1024];
        private double[] threshold = new double[1024];
        private int[] next = new int[1024];
        private int size;
        private final java.util.List<Integer> roots = new java.util.ArrayList<>();

        /** Reserves one node, a tree's root. */
        public int root() {
            int r = allocate(1);
            roots.add(r);
            return r;
        }

        /** Makes {@code node} a split and returns its first child; the second is that + 1. */
        public int split(int node, int feat, double value) {
            int child = allocate(2);
            feature[node] = feat;
            threshold[node] = value;
            next[node] = child;
            return child;
        }

        /** Makes {@code node} a leaf whose payload is at {@code payloadOffset}. */
        public void leaf(int node, int payloadOffset) {
            feature[node] = -1;
            threshold[node] = 0.0;
            next[node] = payloadOffset;
        }

        private int allocate(int k) {
            if (size + k > feature.length) {
                int cap = Math.max(feature.length * 2, size + k);
                feature = Arrays.copyOf(feature, cap);
                threshold = Arrays.copyOf(threshold, cap);
                next = Arrays.copyOf(next, cap);
            }
            int at = size;
            size += k;
            return at;
        }

        public TreeArrays build() {
            return new TreeArrays(Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size), Arrays.copyOf(next, size),
                    roots.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}

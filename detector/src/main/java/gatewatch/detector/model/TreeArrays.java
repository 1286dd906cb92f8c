package gatewatch.detector.model;

import gatewatch.detector.encode.DetectorRow;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Binary trees flattened into parallel arrays.
 *
 * <p>An internal node {@code i} tests {@code feature[i]} against {@code threshold[i]} and goes to
 * {@code next[i]} when the test holds, else to {@code next[i] + 1}: the two children sit side by
 * side, so the step is {@code n = next[n] + (test ? 0 : 1)}, a branch the JIT predicts well on
 * KDD rows (a branch-free step makes every step wait for its loads). A leaf points to itself
 * ({@code next[i] == i}) with a test that holds for every number (feature 0, threshold +infinity;
 * the encoder keeps feature 0 a number, since NaN fails every test and would step a waiting lane
 * off its leaf), so a walk that has reached its leaf can take more steps and stay there.
 * {@code leaf[i]} is the leaf's payload offset in the owner's table, -1 for internal nodes.
 *
 * <p>Two walks: {@link #walk}, the reference (one tree, one row, until the leaf), and
 * {@link #walkBatch}, the fast one for batches (one tree, eight rows side by side, the rows done
 * first waiting on their leaves; it stops when every lane is on a leaf, or after
 * {@code depth[t]} steps at the latest).
 *
 * <p>The constructor checks the shape (children after their parent, leaves self-looping, depths
 * right), so a walk over arrays from a crafted model file can neither loop nor run off.
 *
 * @param feature   split feature per node (0 for a leaf)
 * @param threshold split value per node (+infinity for a leaf)
 * @param next      first child per internal node, the node itself for a leaf
 * @param leaf      payload offset per leaf, -1 per internal node
 * @param roots     the root node of each tree
 * @param depths    the depth of each tree (edges on its longest root-to-leaf path)
 */
public record TreeArrays(int[] feature, double[] threshold, int[] next, int[] leaf, int[] roots, int[] depths)
        implements Serializable {
    private static final int F = DetectorRow.WIDTH;

    public TreeArrays {
        int n = feature.length;
        if (threshold.length != n || next.length != n || leaf.length != n || depths.length != roots.length) {
            throw new IllegalArgumentException("tree arrays differ in length");
        }
        for (int i = 0; i < n; i++) {
            if (leaf[i] < 0) {
                if (leaf[i] != -1 || feature[i] < 0 || feature[i] >= F || next[i] <= i || next[i] + 1 >= n) {
                    throw new IllegalArgumentException("tree node " + i + " is malformed");
                }
            } else if (next[i] != i || feature[i] != 0 || threshold[i] != Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("tree leaf " + i + " is malformed");
            }
        }
        for (int t = 0; t < roots.length; t++) {
            if (roots[t] < 0 || roots[t] >= n || depths[t] != depthOf(next, leaf, roots[t])) {
                throw new IllegalArgumentException("tree " + t + ": root or depth out of range");
            }
        }
    }

    private static int depthOf(int[] next, int[] leaf, int root) {
        // Iterative: children come after parents, so this terminates on any arrays that passed the node checks.
        int max = 0;
        int[] stackNode = new int[64];
        int[] stackDepth = new int[64];
        int top = 0;
        stackNode[top] = root;
        stackDepth[top++] = 0;
        while (top > 0) {
            int node = stackNode[--top];
            int d = stackDepth[top];
            if (leaf[node] >= 0) {
                max = Math.max(max, d);
                continue;
            }
            if (top + 2 > stackNode.length) {
                stackNode = Arrays.copyOf(stackNode, stackNode.length * 2);
                stackDepth = Arrays.copyOf(stackDepth, stackDepth.length * 2);
            }
            stackNode[top] = next[node];
            stackDepth[top++] = d + 1;
            stackNode[top] = next[node] + 1;
            stackDepth[top++] = d + 1;
        }
        return max;
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
        for (int v : leaf) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** The payload offset of the leaf that tree {@code t} reaches for the row {@code x[off..off+WIDTH)}. */
    public int walk(int t, double[] x, int off) {
        int n = roots[t];
        for (int d = depths[t]; d > 0 && next[n] != n; d--) {
            n = next[n] + (x[off + feature[n]] <= threshold[n] ? 0 : 1);
        }
        return leaf[n];
    }

    /**
     * The payload offsets of the leaves tree {@code t} reaches for {@code rows} row-major rows,
     * into {@code out[0..rows)}. Eight rows are walked side by side: each step is a chain of
     * dependent loads, and eight independent chains keep the load units busy while each waits.
     */
    public void walkBatch(int t, double[] x, int rows, int[] out) {
        int root = roots[t];
        int depth = depths[t];
        int[] feature = this.feature;
        double[] threshold = this.threshold;
        int[] next = this.next;
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
            for (int d = depth; d > 0; d--) {
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
                n0 = m0 + (x[o + feature[n0]] <= threshold[n0] ? 0 : 1);
                n1 = m1 + (x[o + F + feature[n1]] <= threshold[n1] ? 0 : 1);
                n2 = m2 + (x[o + 2 * F + feature[n2]] <= threshold[n2] ? 0 : 1);
                n3 = m3 + (x[o + 3 * F + feature[n3]] <= threshold[n3] ? 0 : 1);
                n4 = m4 + (x[o + 4 * F + feature[n4]] <= threshold[n4] ? 0 : 1);
                n5 = m5 + (x[o + 5 * F + feature[n5]] <= threshold[n5] ? 0 : 1);
                n6 = m6 + (x[o + 6 * F + feature[n6]] <= threshold[n6] ? 0 : 1);
                n7 = m7 + (x[o + 7 * F + feature[n7]] <= threshold[n7] ? 0 : 1);
            }
            out[r] = leaf[n0];
            out[r + 1] = leaf[n1];
            out[r + 2] = leaf[n2];
            out[r + 3] = leaf[n3];
            out[r + 4] = leaf[n4];
            out[r + 5] = leaf[n5];
            out[r + 6] = leaf[n6];
            out[r + 7] = leaf[n7];
        }
        for (; r < rows; r++) {
            out[r] = walk(t, x, r * F);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeArrays t && Arrays.equals(feature, t.feature) && Arrays.equals(threshold, t.threshold)
                && Arrays.equals(next, t.next) && Arrays.equals(leaf, t.leaf) && Arrays.equals(roots, t.roots)
                && Arrays.equals(depths, t.depths);
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
        private int[] leaf = new int[1024];
        private int[] depth = new int[1024];
        private int size;
        private final java.util.List<Integer> roots = new java.util.ArrayList<>();
        private final java.util.List<Integer> depths = new java.util.ArrayList<>();

        /** Reserves one node, a tree's root. */
        public int root() {
            int r = allocate(1, 0);
            roots.add(r);
            depths.add(0);
            return r;
        }

        /** Makes {@code node} a split and returns its first child; the second is that + 1. */
        public int split(int node, int feat, double value) {
            int child = allocate(2, depth[node] + 1);
            feature[node] = feat;
            threshold[node] = value;
            next[node] = child;
            leaf[node] = -1;
            return child;
        }

        /** Makes {@code node} a leaf whose payload is at {@code payloadOffset}. */
        public void leaf(int node, int payloadOffset) {
            feature[node] = 0;
            threshold[node] = Double.POSITIVE_INFINITY;
            next[node] = node;
            leaf[node] = payloadOffset;
            int t = roots.size() - 1;
            depths.set(t, Math.max(depths.get(t), depth[node]));
        }

        private int allocate(int k, int d) {
            if (size + k > feature.length) {
                int cap = Math.max(feature.length * 2, size + k);
                feature = Arrays.copyOf(feature, cap);
                threshold = Arrays.copyOf(threshold, cap);
                next = Arrays.copyOf(next, cap);
                leaf = Arrays.copyOf(leaf, cap);
                depth = Arrays.copyOf(depth, cap);
            }
            int at = size;
            for (int i = 0; i < k; i++) {
                depth[at + i] = d;
                leaf[at + i] = -2; // not yet split or made a leaf
            }
            size += k;
            return at;
        }

        public TreeArrays build() {
            return new TreeArrays(Arrays.copyOf(feature, size), Arrays.copyOf(threshold, size), Arrays.copyOf(next, size),
                    Arrays.copyOf(leaf, size), roots.stream().mapToInt(Integer::intValue).toArray(),
                    depths.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}

package gatewatch.detector.model;

import gatewatch.detector.encode.DetectorRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TreeArraysTest {
    @Test
    void aWalkGoesToTheFirstChildWhenTheTestHolds() {
        TreeArrays.Builder b = new TreeArrays.Builder();
        int root = b.root();
        int child = b.split(root, 4, 10.0);
        b.leaf(child, 0);
        b.leaf(child + 1, 2);
        ForestScorer f = new ForestScorer(b.build(), 2, new double[] {1, 0, 0, 1});
        double[] x = new double[41];
        double[] post = new double[2];
        x[4] = 10.0;
        assertThat(f.predict(x, 0, post)).isZero();
        x[4] = 10.5;
        assertThat(f.predict(x, 0, post)).isEqualTo(1);
        assertThat(post).containsExactly(0.0, 1.0);
    }

    @Test
    void arraysThatCouldLoopOrRunOffAreRefused() {
        double inf = Double.POSITIVE_INFINITY;
        // node 0 points back at itself as an internal node
        assertThatThrownBy(() -> new TreeArrays(new int[] {3, 0}, new double[] {1, inf}, new int[] {0, 1}, new int[] {-1, 0},
                new int[] {0}, new int[] {1})).isInstanceOf(IllegalArgumentException.class);
        // a feature index past the schema
        assertThatThrownBy(() -> new TreeArrays(new int[] {DetectorRow.WIDTH, 0, 0}, new double[] {1, inf, inf}, new int[] {1, 1, 2},
                new int[] {-1, 0, 1}, new int[] {0}, new int[] {1})).isInstanceOf(IllegalArgumentException.class);
        // a depth shorter than the tree, which would stop a walk on an internal node
        assertThatThrownBy(() -> new TreeArrays(new int[] {4, 0, 0}, new double[] {1, inf, inf}, new int[] {1, 1, 2},
                new int[] {-1, 0, 1}, new int[] {0}, new int[] {0})).isInstanceOf(IllegalArgumentException.class);
        // a leaf that does not hold a walk
        assertThatThrownBy(() -> new TreeArrays(new int[] {0}, new double[] {5}, new int[] {0}, new int[] {0},
                new int[] {0}, new int[] {0})).isInstanceOf(IllegalArgumentException.class);
        // a root out of range
        assertThatThrownBy(() -> new TreeArrays(new int[] {0}, new double[] {inf}, new int[] {0}, new int[] {0},
                new int[] {5}, new int[] {0})).isInstanceOf(IllegalArgumentException.class);
        // a leaf table shorter than the leaves need
        TreeArrays one = new TreeArrays(new int[] {0}, new double[] {inf}, new int[] {0}, new int[] {4}, new int[] {0}, new int[] {0});
        assertThatThrownBy(() -> new ForestScorer(one, 2, new double[5])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void batchWalksReachTheSameLeavesAsSingleWalks() {
        TreeArrays.Builder b = new TreeArrays.Builder();
        int root = b.root();
        int c = b.split(root, 1, 0.5);
        b.leaf(c, 0);
        int g = b.split(c + 1, 2, 3.0);
        b.leaf(g, 1);
        b.leaf(g + 1, 2);
        TreeArrays t = b.build();
        assertThat(t.depths()).containsExactly(2);
        int rows = 7;
        double[] x = new double[rows * DetectorRow.WIDTH];
        for (int r = 0; r < rows; r++) {
            x[r * DetectorRow.WIDTH + 1] = r % 2;
            x[r * DetectorRow.WIDTH + 2] = r;
        }
        int[] out = new int[rows];
        t.walkBatch(0, x, rows, out);
        for (int r = 0; r < rows; r++) {
            int expected = r % 2 == 0 ? 0 : (r <= 3 ? 1 : 2);
            assertThat(out[r]).as("row %d", r).isEqualTo(expected).isEqualTo(t.walk(0, x, r * DetectorRow.WIDTH));
        }
    }

    /**
     * {@code count} random trees; tree {@code t} is at most {@code maxDepth(t)} deep, and a node
     * above that depth splits with probability {@code 1 - 1/oneIn}.
     */
    private static TreeArrays randomTrees(java.util.Random r, int count, java.util.function.IntUnaryOperator maxDepth,
            int oneIn) {
        TreeArrays.Builder b = new TreeArrays.Builder();
        int payload = 0;
        for (int t = 0; t < count; t++) {
            java.util.ArrayDeque<int[]> open = new java.util.ArrayDeque<>();
            open.add(new int[] {b.root(), 0});
            while (!open.isEmpty()) {
                int[] node = open.poll();
                if (node[1] < maxDepth.applyAsInt(t) && r.nextInt(oneIn) > 0) {
                    int c = b.split(node[0], r.nextInt(41), r.nextDouble());
                    open.add(new int[] {c, node[1] + 1});
                    open.add(new int[] {c + 1, node[1] + 1});
                } else {
                    b.leaf(node[0], payload++);
                }
            }
        }
        return b.build();
    }

    /** The plain definition: follow the tests from the root until a leaf. */
    private static int referenceWalk(TreeArrays t, int tree, double[] x, int off) {
        int n = t.roots()[tree];
        while (t.leaf()[n] < 0) {
            n = x[off + t.feature()[n]] <= t.threshold()[n] ? t.next()[n] : t.next()[n] + 1;
        }
        return t.leaf()[n];
    }

    @Test
    void walksThatStopWhenEveryLaneIsOnALeafAgreeWithThePlainDefinition() {
        // Trees of depths 0 to 12, so that lanes finish at different steps and some trees are leaves only.
        java.util.Random r = new java.util.Random(11);
        int trees = 23;
        TreeArrays t = randomTrees(r, trees, k -> (k * 5) % 13, 5);
        int rows = 203;
        double[] x = new double[rows * DetectorRow.WIDTH];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        int[] perRow = new int[rows];
        for (int row = 0; row < rows; row++) {
            for (int k = 0; k < trees; k++) {
                int expected = referenceWalk(t, k, x, row * DetectorRow.WIDTH);
                assertThat(t.walk(k, x, row * DetectorRow.WIDTH)).as("row %d tree %d alone", row, k).isEqualTo(expected);
            }
        }
        for (int k = 0; k < trees; k++) {
            t.walkBatch(k, x, rows, perRow);
            for (int row = 0; row < rows; row++) {
                assertThat(perRow[row]).as("tree %d row %d in a batch", k, row).isEqualTo(referenceWalk(t, k, x, row * DetectorRow.WIDTH));
            }
        }
    }
}

package gatewatch.detector.model;

import gatewatch.detector.encode.DetectorRow;
import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.data.AttackTaxonomy;
import gatewatch.detector.data.KddLoader;
import gatewatch.detector.data.UnknownSymbolPolicy;
import gatewatch.features.testing.SharedData;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** QuickScorer finds the leaves a walk reaches, and the boost's scoring through it gives the same doubles. */
class QuickScorerTest {
    private static final int F = DetectorRow.WIDTH;
    /** Thresholds and row values are drawn from this grid, so that rows often sit exactly on a threshold. */
    private static final double[] GRID = {-2.0, -0.5, -0.0, 0.0, 0.25, 1.0, 3.0, 7.5};

    /** {@code count} random trees of at most {@code maxLeaves} leaves each, leaves at uneven depths. */
    private static TreeArrays randomTrees(Random r, int count, int maxLeaves) {
        TreeArrays.Builder b = new TreeArrays.Builder();
        int payload = 0;
        for (int t = 0; t < count; t++) {
            ArrayDeque<Integer> open = new ArrayDeque<>();
            open.add(b.root());
            int leaves = 1;
            while (!open.isEmpty()) {
                int node = open.poll();
                if (leaves < maxLeaves && r.nextInt(4) > 0) {
                    int c = b.split(node, r.nextInt(6), GRID[r.nextInt(GRID.length)]);
                    leaves++;
                    open.add(c);
                    open.add(c + 1);
                } else {
                    b.leaf(node, payload++);
                }
            }
        }
        return b.build();
    }

    private static double[] row(Random r) {
        double[] x = new double[F];
        for (int f = 0; f < F; f++) {
            int pick = r.nextInt(GRID.length + 2);
            x[f] = pick < GRID.length ? GRID[pick] : pick == GRID.length ? r.nextGaussian() * 4 : Double.NaN;
        }
        return x;
    }

    /** The plain definition: follow the tests from the root until a leaf. */
    private static int walk(TreeArrays t, int tree, double[] x) {
        int n = t.roots()[tree];
        while (t.leaf()[n] < 0) {
            n = x[t.feature()[n]] <= t.threshold()[n] ? t.next()[n] : t.next()[n] + 1;
        }
        return t.leaf()[n];
    }

    @Test
    void everyTreeEndsOnTheLeafAWalkReaches() {
        Random r = new Random(17);
        for (int maxLeaves : new int[] {1, 2, 8, 64}) {
            TreeArrays t = randomTrees(r, 30, maxLeaves);
            QuickScorer q = QuickScorer.of(t);
            assertThat(q).isNotNull();
            long[] words = new long[t.treeCount()];
            int[] got = new int[t.treeCount()];
            for (int i = 0; i < 2_000; i++) {
                double[] x = row(r);
                q.leaves(x, 0, words, got);
                for (int k = 0; k < t.treeCount(); k++) {
                    assertThat(got[k]).as("max %d leaves, row %d, tree %d", maxLeaves, i, k).isEqualTo(walk(t, k, x));
                }
            }
        }
    }

    @Test
    void treesOfMoreThan64LeavesAreLeftToTheWalk() {
        TreeArrays.Builder b = new TreeArrays.Builder();
        // A chain: every split's second child splits again, 65 leaves.
        int node = b.root();
        for (int i = 0; i < 64; i++) {
            int c = b.split(node, 1, i);
            b.leaf(c, i);
            node = c + 1;
        }
        b.leaf(node, 64);
        TreeArrays t = b.build();
        assertThat(QuickScorer.of(t)).isNull();
        // A full tree 7 deep: 128 leaves, though shallow.
        TreeArrays.Builder full = new TreeArrays.Builder();
        ArrayDeque<int[]> open = new ArrayDeque<>();
        open.add(new int[] {full.root(), 0});
        int leaves = 0;
        while (!open.isEmpty()) {
            int[] at = open.poll();
            if (at[1] < 7) {
                int c = full.split(at[0], 1, at[1]);
                open.add(new int[] {c, at[1] + 1});
                open.add(new int[] {c + 1, at[1] + 1});
            } else {
                full.leaf(at[0], leaves++);
            }
        }
        assertThat(leaves).isEqualTo(128);
        assertThat(QuickScorer.of(full.build())).isNull();
    }

    @Test
    void aSplitWithANaNThresholdIsLeftToTheWalk() {
        TreeArrays.Builder b = new TreeArrays.Builder();
        int c = b.split(b.root(), 2, Double.NaN);
        b.leaf(c, 0);
        b.leaf(c + 1, 1);
        assertThat(QuickScorer.of(b.build())).isNull();
    }

    private static BoostScorer randomBoost(Random r, TreeArrays trees) {
        double[] leaves = new double[trees.maxLeafOffset() + 1];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = r.nextGaussian();
        }
        return new BoostScorer(trees, 5, leaves);
    }

    /** Values on which the reference walk and QuickScorer differ, bit for bit. */
    private static int differences(BoostScorer boost, QuickScorer q, double[] x, int rows) {
        int k = boost.classes();
        double[] walked = new double[rows * k];
        double[] quick = new double[rows * k];
        int trees = boost.trees().treeCount();
        int[] leafOfTree = new int[trees];
        long[] words = new long[trees];
        for (int r = 0; r < rows; r++) {
            boost.predictInto(x, r * F, walked, r * k);
            boost.predict(q, x, r * F, quick, r * k, leafOfTree, words);
        }
        int differ = 0;
        for (int i = 0; i < rows * k; i++) {
            if (Double.doubleToRawLongBits(quick[i]) != Double.doubleToRawLongBits(walked[i])) {
                differ++;
            }
        }
        return differ;
    }

    @Test
    void theBoostThroughQuickScorerGivesTheWalksProbabilities() {
        Random r = new Random(23);
        TreeArrays trees = randomTrees(r, 5 * 7, 8);
        BoostScorer boost = randomBoost(r, trees);
        int rows = 61;
        double[] x = new double[rows * F];
        for (int i = 0; i < rows; i++) {
            double[] v = row(r);
            // Feature 0 is never NaN once encoded (FeatureEncoder): a leaf's self-loop tests it.
            v[0] = Double.isNaN(v[0]) ? 0.0 : v[0];
            System.arraycopy(v, 0, x, i * F, F);
        }
        assertThat(differences(boost, QuickScorer.of(trees), x, rows)).isZero();
    }

    @Test
    void theBundledBoostGivesTheWalksProbabilitiesOnEveryRowOfCorrected() throws IOException {
        var loader = new KddLoader(AttackTaxonomy.builtIn(), UnknownSymbolPolicy.FAIL);
        double[][] raw = loader.load(List.of(SharedData.require("data/corrected.gz"))).data().features();
        ModelPayload model = Ensemble.loadDefault().payload();
        BoostScorer boost = model.categoryBoost();
        QuickScorer q = QuickScorer.of(boost.trees());
        assertThat(q).as("the bundled boost's trees have at most 64 leaves").isNotNull();
        double[][] enc = model.encoder().encodeAll(raw);
        int chunk = 64;
        double[] x = new double[chunk * F];
        long differ = 0;
        for (int start = 0; start < enc.length; start += chunk) {
            int n = Math.min(chunk, enc.length - start);
            for (int i = 0; i < n; i++) {
                System.arraycopy(enc[start + i], 0, x, i * F, F);
            }
            differ += differences(boost, q, x, n);
        }
        assertThat(differ).isZero();
        assertThat(enc.length).isEqualTo(311_029);
    }
}

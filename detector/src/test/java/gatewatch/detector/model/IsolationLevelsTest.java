package gatewatch.detector.model;

import gatewatch.detector.encode.DetectorRow;
import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.data.AttackTaxonomy;
import gatewatch.detector.data.KddLoader;
import gatewatch.detector.data.UnknownSymbolPolicy;
import gatewatch.features.testing.SharedData;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The complete-tree batch layout of an isolation forest gives the reference walk's scores, bit for bit. */
class IsolationLevelsTest {
    private static final int F = DetectorRow.WIDTH;

    /**
     * {@code count} random isolation trees at most {@code maxDepth} deep, whose leaves sit at
     * every depth from 0 (a tree that is one leaf) down; slopes of both signs.
     */
    private static IsolationScorer randomForest(Random r, int count, int maxDepth) {
        TreeArrays.Builder b = new TreeArrays.Builder();
        double[] slope = new double[1 << 17];
        double[] depth = new double[1 << 15];
        int leaves = 0;
        for (int t = 0; t < count; t++) {
            ArrayDeque<int[]> open = new ArrayDeque<>();
            open.add(new int[] {b.root(), 0});
            while (!open.isEmpty()) {
                int[] node = open.poll();
                if (node[1] < maxDepth && (node[1] == 0 || r.nextInt(6) > 0)) {
                    // Half the splits on the rows' grid of quarters with slope +-1, so that rows hit x * slope == bias.
                    boolean grid = r.nextBoolean();
                    int c = b.split(node[0], r.nextInt(F), grid ? Math.round(r.nextGaussian() * 8) / 4.0 : r.nextGaussian());
                    double m = grid ? 1.0 : 0.1 + r.nextDouble();
                    slope[node[0]] = r.nextBoolean() ? m : -m;
                    open.add(new int[] {c, node[1] + 1});
                    open.add(new int[] {c + 1, node[1] + 1});
                } else {
                    depth[leaves] = node[1] + r.nextDouble() * 3;
                    b.leaf(node[0], leaves++);
                }
            }
        }
        TreeArrays trees = b.build();
        return new IsolationScorer(trees, Arrays.copyOf(slope, trees.nodeCount()), Arrays.copyOf(depth, leaves), 7.3);
    }

    private static double[] rows(Random r, int n) {
        double[] x = new double[n * F];
        for (int i = 0; i < x.length; i++) {
            // Some values exactly 0 and some repeated, as encoded KDD rows have.
            x[i] = r.nextInt(5) == 0 ? 0.0 : Math.round(r.nextGaussian() * 8) / 4.0;
        }
        return x;
    }

    private static void assertSameScores(IsolationScorer s, IsolationLevels levels, double[] x, int n) {
        RowGroups groups = new RowGroups(n);
        groups.fill(x, n);
        double[] got = new double[(n + 7) / 8 * 8];
        levels.scoreBatch(groups, got);
        for (int i = 0; i < n; i++) {
            double single = s.score(x, i * F);
            assertThat(Double.doubleToRawLongBits(got[i])).as("row %d of %d: %s against %s", i, n, got[i], single)
                    .isEqualTo(Double.doubleToRawLongBits(single))
                    .isEqualTo(Double.doubleToRawLongBits(plainScore(s, x, i * F)));
        }
    }

    /** The plain definition: follow the slope tests from each root to a leaf; the score of the mean depth. */
    private static double plainScore(IsolationScorer s, double[] x, int off) {
        TreeArrays t = s.trees();
        double length = 0;
        for (int root : t.roots()) {
            int n = root;
            while (t.leaf()[n] < 0) {
                n = x[off + t.feature()[n]] * s.slope()[n] < t.threshold()[n] ? t.next()[n] : t.next()[n] + 1;
            }
            length += s.depth()[t.leaf()[n]];
        }
        return Math.pow(2.0, -(length / t.treeCount()) / s.factor());
    }

    @Test
    void scoresEqualTheScorersForTreesWithLeavesAtEveryDepthAndAnyRowCount() {
        Random r = new Random(5);
        IsolationScorer s = randomForest(r, 19, 8);
        IsolationLevels levels = IsolationLevels.of(s);
        assertThat(levels).isNotNull();
        for (int n : new int[] {1, 7, 8, 9, 63, 64}) {
            assertSameScores(s, levels, rows(r, n), n);
        }
    }

    @Test
    void aForestOfSingleLeavesScoresItsLeafDepths() {
        IsolationScorer s = randomForest(new Random(9), 4, 0);
        assertThat(s.trees().depths()).containsOnly(0);
        assertSameScores(s, IsolationLevels.of(s), rows(new Random(10), 12), 12);
    }

    @Test
    void treesDeeperThanTheLimitAreLeftToTheScorer() {
        IsolationScorer s = randomForest(new Random(3), 3, IsolationLevels.MAX_DEPTH + 1);
        assertThat(Arrays.stream(s.trees().depths()).max().orElseThrow()).isGreaterThan(IsolationLevels.MAX_DEPTH);
        assertThat(IsolationLevels.of(s)).isNull();
    }

    @Test
    void rowGroupsHoldEachRowsValuesAndTheirNegationsEightApart() {
        Random r = new Random(2);
        int n = 11;
        double[] x = rows(r, n);
        RowGroups g = new RowGroups(16);
        g.fill(x, n);
        assertThat(g.count()).isEqualTo(n);
        assertThat(g.groups()).isEqualTo(2);
        for (int row = 0; row < n; row++) {
            for (int f = 0; f < F; f++) {
                int at = RowGroups.groupOffset(row / 8 * 8) + f * 8 + row % 8;
                assertThat(g.values()[at]).isEqualTo(x[row * F + f]);
                assertThat(g.values()[at + F * 8]).isEqualTo(-x[row * F + f]);
            }
        }
    }

    @Test
    void aCutPassesExactlyTheValuesWhoseProductWithTheSlopeIsBelowTheBias() {
        Random r = new Random(8);
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1.0, -1.0};
        for (int i = 0; i < 20_000; i++) {
            double m = i % 5 == 0 ? 1.0 : Math.abs(r.nextGaussian()) * Math.pow(10, r.nextInt(9) - 4);
            double b = i % 7 == 0 ? special[r.nextInt(special.length - 1)] : r.nextGaussian() * Math.pow(10, r.nextInt(9) - 4);
            double c = IsolationLevels.cut(m, b);
            double[] ys = {c, Math.nextDown(c), Math.nextUp(c), b / m, Math.nextUp(b / m), Math.nextDown(b / m),
                r.nextGaussian(), special[r.nextInt(special.length)]};
            for (double y : ys) {
                assertThat(y < c).as("y %s, slope %s, bias %s, cut %s", y, m, b, c).isEqualTo(y * m < b);
            }
        }
    }

    @Test
    void theBundledModelsBaselineScoresEveryRowOfCorrectedAsTheScorerDoes() throws IOException {
        var loader = new KddLoader(AttackTaxonomy.builtIn(), UnknownSymbolPolicy.FAIL);
        double[][] raw = loader.load(List.of(SharedData.require("data/corrected.gz"))).data().features();
        ModelPayload model = Ensemble.loadDefault().payload();
        IsolationLevels levels = IsolationLevels.of(model.baseline());
        assertThat(levels).as("the bundled baseline is shallow enough for the batch layout").isNotNull();
        double[][] enc = model.encoder().encodeAll(raw);
        double[] got = levels.scoreAll(enc);
        long mismatches = 0;
        for (int i = 0; i < enc.length; i++) {
            if (Double.doubleToRawLongBits(model.baseline().score(enc[i], 0)) != Double.doubleToRawLongBits(got[i])) {
                mismatches++;
            }
        }
        assertThat(enc.length).isEqualTo(311_029);
        assertThat(mismatches).isZero();
    }
}

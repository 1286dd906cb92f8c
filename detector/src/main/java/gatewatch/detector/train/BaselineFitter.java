package gatewatch.detector.train;

import gatewatch.detector.model.IsolationScorer;
import gatewatch.detector.encode.DetectorRow;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;
import smile.math.MathEx;

/**
 * Fits the normal-traffic baseline (an isolation forest over encoded normal rows) and its anomaly
 * threshold: a quantile of scores that each row got from a forest fitted without it, so that the
 * threshold is not set on rows the forest has seen. Used for the model's own baseline
 * ({@link Trainer}) and for a site's ({@link SiteLearner}).
 *
 * <p>Deterministic for a given seed: each tree is fitted single-threaded after seeding Smile's
 * generator, so the forest does not depend on thread scheduling.
 */
final class BaselineFitter {
    private final TrainingConfig config;
    private final TrainingProgress progress;

    BaselineFitter(TrainingConfig config, TrainingProgress progress) {
        this.config = config;
        this.progress = progress;
    }

    /**
     * Isolation forests each fitted without one fold of some rows: row {@code r} is in fold
     * {@code foldOfRow[r]}; {@code today[r]} marks rows of today's traffic (none when null).
     */
    record FoldForests(IsolationForest[] forests, int[] samples, int[] foldOfRow, boolean[] today) {
    }

    /** The sample each tree draws from {@code rows} rows. */
    int sampleSize(int rows) {
        return Math.min(config.isolationSample(), rows - 1);
    }

    /** A forest of the configured size over {@code normal}, without progress reports. */
    IsolationForest fit(double[][] normal, long seed) {
        return fit(normal, seed, null, 0);
    }

    /** As above, reporting tree {@code t} as the {@code (before + t + 1)}-th of {@code stage} (none when null). */
    IsolationForest fit(double[][] normal, long seed, TrainingProgress.Stage stage, int before) {
        return fit(normal, null, seed, stage, before);
    }

    /**
     * As above; {@code today[r]} marks a row of today's traffic (none when null). Each tree then
     * draws today's rows in proportion to their weight in the classifier ({@code todayNormalWeight}
     * per distinct row), the rest from KDD'99's: drawn uniformly, a tree's 256 rows hold about 10
     * of today's few thousand against 87,832 of 1998, so the forest isolates today's normal traffic
     * (TLS, QUIC) as readily as an attack and the threshold, set by today's quantile, sits among it.
     */
    IsolationForest fit(double[][] normal, boolean[] today, long seed, TrainingProgress.Stage stage, int before) {
        int m = sampleSize(normal.length);
        // Smile draws each tree's m rows itself, at a rate below 1: the weighted draw gives it twice as many.
        int drawn = Math.min(normal.length, 2 * m);
        Split split = today == null ? null : Split.of(today);
        boolean weighted = split != null && split.today().length > 0 && config.todayNormalWeight() > 1 && drawn > m;
        double rate = (double) m / (weighted ? drawn : normal.length);
        var options = new IsolationForest.Options(1, config.isolationMaxDepth(), rate, 0);
        IsolationTree[] trees = new IsolationTree[config.isolationTrees()];
        for (int t = 0; t < trees.length; t++) {
            MathEx.setSeed(seed * 7_919L + t);
            double[][] data = weighted ? weightedSample(normal, split, drawn, new SplittableRandom(seed * 7_919L + t)) : normal;
            trees[t] = IsolationForest.fit(data, options).trees()[0];
            if (stage != null) {
                progress.tree(stage, before + t + 1);
            }
        }
        // Normalise by c(psi), the sample each tree saw, as in Liu et al.: 0.5 is an average row.
        return new IsolationForest(m, normal[0].length, 0, trees);
    }

    /**
     * {@code m} distinct rows of {@code rows}: from today's ({@code split.today()}) their weighted share,
     * {@code m * w T / (w T + K)} for T of today's rows of weight w and K of KDD'99's, the rest from
     * KDD'99's, each part drawn without replacement.
     */
    double[][] weightedSample(double[][] rows, Split split, int m, SplittableRandom random) {
        // Each draw shuffles its own copy, so every tree starts from the same order.
        int[] now = split.today().clone();
        int[] kdd = split.kdd().clone();
        double w = (double) config.todayNormalWeight() * now.length;
        int fromToday = (int) Math.min(now.length, Math.round(m * w / (w + kdd.length)));
        int fromKdd = Math.min(kdd.length, m - fromToday);
        fromToday = Math.min(now.length, m - fromKdd);
        double[][] sample = new double[fromToday + fromKdd][];
        draw(rows, now, fromToday, random, sample, 0);
        draw(rows, kdd, fromKdd, random, sample, fromToday);
        return sample;
    }

    /** The indices of today's rows and of KDD'99's, in row order. */
    record Split(int[] today, int[] kdd) {
        static Split of(boolean[] today) {
            return new Split(IntStream.range(0, today.length).filter(r -> today[r]).toArray(),
                    IntStream.range(0, today.length).filter(r -> !today[r]).toArray());
        }
    }

    /** The first {@code k} of a partial Fisher-Yates shuffle of {@code index}, as rows into {@code out} from {@code at}. */
    private static void draw(double[][] rows, int[] index, int k, SplittableRandom random, double[][] out, int at) {
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(index.length - i);
            int swap = index[i];
            index[i] = index[j];
            index[j] = swap;
            out[at + i] = rows[index[i]];
        }
    }

    /** One isolation forest per fold of {@code rows} (thresholdFolds of them), each fitted on the other folds. */
    FoldForests foldForests(double[][] rows) {
        return foldForests(rows, null);
    }

    /**
     * As above; {@code groups[r]} not null marks a row of today's traffic, whose quantile the
     * threshold also honours ({@link #outOfFoldQuantile}).
     */
    FoldForests foldForests(double[][] rows, String[] groups) {
        int folds = config.thresholdFolds();
        int[] order = IntStream.range(0, rows.length).toArray();
        MathEx.setSeed(config.seed() + 17);
        MathEx.permutate(order);
        int[] foldOfRow = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            foldOfRow[order[i]] = i % folds;
        }
        boolean[] today = null;
        if (groups != null && Arrays.stream(groups).anyMatch(Objects::nonNull)) {
            today = new boolean[rows.length];
            for (int r = 0; r < rows.length; r++) {
                today[r] = groups[r] != null;
            }
        }
        IsolationForest[] forests = new IsolationForest[folds];
        int[] samples = new int[folds];
        for (int f = 0; f < folds; f++) {
            int fold = f;
            int[] trainRows = Arrays.stream(order).filter(r -> foldOfRow[r] != fold).toArray();
            double[][] train = Arrays.stream(trainRows).mapToObj(r -> rows[r]).toArray(double[][]::new);
            boolean[] trainToday = null;
            if (today != null) {
                trainToday = new boolean[trainRows.length];
                for (int i = 0; i < trainRows.length; i++) {
                    trainToday[i] = today[trainRows[i]];
                }
            }
            forests[f] = fit(train, trainToday, config.seed() + 101L * (f + 1), TrainingProgress.Stage.THRESHOLD,
                    f * config.isolationTrees());
            samples[f] = sampleSize(train.length);
        }
        return new FoldForests(forests, samples, foldOfRow, today);
    }

    /** The first {@code trees} trees of a forest whose trees each drew {@code sample} rows. */
    static IsolationForest firstTrees(IsolationForest forest, int sample, int trees) {
        if (trees == forest.size()) {
            return forest;
        }
        // The same sample size keeps the same normalising factor c(psi); only the tree count differs.
        return new IsolationForest(sample, DetectorRow.WIDTH, 0, Arrays.copyOf(forest.trees(), trees));
    }

    /**
     * The {@code quantile} of isolation scores of {@code rows}, each scored by the first
     * {@code trees} trees of the forest of {@code folds} that did not see it; with rows of today's
     * traffic, the larger of that quantile over KDD'99's rows and over today's, so that neither
     * world's normal traffic is called an anomaly more often than the quantile allows.
     */
    static double outOfFoldQuantile(double[][] rows, FoldForests folds, int trees, double quantile) {
        int k = folds.forests().length;
        IsolationScorer[] scorers = new IsolationScorer[k];
        for (int f = 0; f < k; f++) {
            scorers[f] = SmileCompiler.isolation(firstTrees(folds.forests()[f], folds.samples()[f], trees));
        }
        double[] scores = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            scores[r] = scorers[folds.foldOfRow()[r]].score(rows[r], 0);
        }
        return worldQuantile(scores, folds.today(), quantile);
    }

    /**
     * The {@code quantile} of {@code forest}'s own scores of {@code rows}, in KDD'99's and in
     * today's rows apart ({@code today}, null for none), the higher: what the forest a model ships
     * with gives the normal rows it was fitted on.
     */
    static double ownQuantile(double[][] rows, IsolationScorer forest, boolean[] today, double quantile) {
        double[] scores = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            scores[r] = forest.score(rows[r], 0);
        }
        return worldQuantile(scores, today, quantile);
    }

    private static double worldQuantile(double[] scores, boolean[] today, double quantile) {
        if (today == null) {
            return quantile(scores, quantile);
        }
        double[] kdd = IntStream.range(0, scores.length).filter(r -> !today[r]).mapToDouble(r -> scores[r]).toArray();
        double[] now = IntStream.range(0, scores.length).filter(r -> today[r]).mapToDouble(r -> scores[r]).toArray();
        return Math.max(kdd.length == 0 ? 0 : quantile(kdd, quantile), now.length == 0 ? 0 : quantile(now, quantile));
    }

    private static double quantile(double[] scores, double quantile) {
        Arrays.sort(scores);
        int at = (int) Math.ceil(quantile * scores.length) - 1;
        return scores[Math.max(0, Math.min(scores.length - 1, at))];
    }
}

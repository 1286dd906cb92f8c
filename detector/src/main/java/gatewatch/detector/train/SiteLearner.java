package gatewatch.detector.train;

import gatewatch.detector.model.Ensemble;
import gatewatch.detector.model.IsolationScorer;
import gatewatch.detector.model.SiteBaseline;
import gatewatch.features.kdd.KddFeature;
import java.util.Arrays;
import java.util.stream.IntStream;
import smile.anomaly.IsolationForest;
import smile.math.MathEx;

/**
 * Fits a {@link SiteBaseline} to connections of the site's normal traffic ({@code gatewatch
 * learn}): the ranges of their features, an isolation forest over the model's encoding of them,
 * as the model's own baseline is fitted over KDD's normal rows (same tree count, sample and
 * depth), and a threshold at a quantile of scores that each connection got from a forest fitted
 * without it.
 */
public final class SiteLearner {
    /** Fewer connections than this say too little about a site to learn from. */
    public static final int MIN_CONNECTIONS = 200;
    private static final int FOLDS = 5;
    private static final int F = KddFeature.COUNT_OF_FEATURES;
    private static final KddFeature[] FEATURES = KddFeature.values();

    private final Trainer trainer;
    private final double quantile;
    private final long seed;

    /**
     * @param quantile share of the learned connections that is to count as typical, in (0, 1)
     */
    public SiteLearner(double quantile, long seed) {
        if (!(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1), got " + quantile);
        }
        this.trainer = new Trainer(TrainingConfig.defaults().withSeed(seed));
        this.quantile = quantile;
        this.seed = seed;
    }

    /**
     * @param model the model the site baseline is for (its encoding is used)
     * @param raw   the site's connections, 41 KDD values each
     */
    public SiteBaseline learn(Ensemble model, double[][] raw) {
        if (raw.length < MIN_CONNECTIONS) {
            throw new IllegalArgumentException("too few connections to learn a site from: " + raw.length
                    + " (at least " + MIN_CONNECTIONS + ")");
        }
        double[][] x = model.payload().encoder().encodeAll(raw);
        IsolationForest forest = trainer.fitIsolation(x, seed);
        IsolationScorer scorer = SmileCompiler.isolation(forest);
        double[] low = new double[F];
        double[] high = new double[F];
        double[][] seen = new double[F][];
        for (int j = 0; j < F; j++) {
            int col = j;
            low[j] = Arrays.stream(x).mapToDouble(r -> r[col]).min().orElseThrow();
            high[j] = Arrays.stream(x).mapToDouble(r -> r[col]).max().orElseThrow();
            seen[j] = FEATURES[j].isSymbolic() ? Arrays.stream(x).mapToDouble(r -> r[col]).distinct().sorted().toArray() : null;
        }
        return new SiteBaseline(low, high, seen, scorer, threshold(x), quantile, raw.length, model.modelVersion());
    }

    /** The quantile of out-of-fold scores: each row scored by a forest fitted on the other folds. */
    private double threshold(double[][] x) {
        int[] order = IntStream.range(0, x.length).toArray();
        MathEx.setSeed(seed + 17);
        MathEx.permutate(order);
        double[] scores = new double[x.length];
        for (int k = 0; k < FOLDS; k++) {
            int fold = k;
            double[][] train = IntStream.range(0, x.length).filter(i -> i % FOLDS != fold)
                    .mapToObj(i -> x[order[i]]).toArray(double[][]::new);
            IsolationScorer scorer = SmileCompiler.isolation(trainer.fitIsolation(train, seed + 101L * (k + 1)));
            for (int i = k; i < x.length; i += FOLDS) {
                scores[i] = scorer.score(x[order[i]], 0);
            }
        }
        Arrays.sort(scores);
        int at = (int) Math.ceil(quantile * scores.length) - 1;
        return scores[Math.max(0, Math.min(scores.length - 1, at))];
    }
}

package gatewatch.detector.train;

import gatewatch.detector.model.Ensemble;
import gatewatch.detector.model.IsolationScorer;
import gatewatch.detector.model.SiteBaseline;
import gatewatch.detector.model.SiteScopes;
import gatewatch.features.kdd.KddFeature;
import java.util.Arrays;
import smile.anomaly.IsolationForest;

/**
 * Fits a {@link SiteBaseline} to connections of the site's normal traffic ({@code gatewatch
 * learn}): the ranges of their features, an isolation forest over the model's encoding of them,
 * as the model's own baseline is fitted over KDD's normal rows (same tree count, sample and
 * depth), and a threshold at a quantile of scores that each connection got from a forest fitted
 * without it; and per scope (protocol and service) the same quantile of each window feature,
 * beyond which the baseline never clears ({@link SiteScopes}).
 */
public final class SiteLearner {
    /** Fewer connections than this say too little about a site to learn from. */
    public static final int MIN_CONNECTIONS = 200;
    private static final int F = KddFeature.COUNT_OF_FEATURES;
    private static final KddFeature[] FEATURES = KddFeature.values();

    private final BaselineFitter baselines;
    private final double quantile;
    private final long seed;

    /**
     * @param quantile share of the learned connections that is to count as typical, in (0, 1)
     */
    public SiteLearner(double quantile, long seed) {
        if (!(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1), got " + quantile);
        }
        this.baselines = new BaselineFitter(TrainingConfig.defaults().withSeed(seed), TrainingProgress.NONE);
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
        IsolationForest forest = baselines.fit(x, seed);
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
        return new SiteBaseline(low, high, seen, scorer, threshold(x), quantile, raw.length, model.modelVersion(),
                SiteScopes.learn(raw, quantile));
    }

    /** As the model's own anomaly threshold: each connection scored by a forest fitted without it. */
    private double threshold(double[][] x) {
        return BaselineFitter.outOfFoldQuantile(x, baselines.foldForests(x), TrainingConfig.defaults().isolationTrees(),
                quantile);
    }
}

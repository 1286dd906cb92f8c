package gatewatch.detector.anomaly;

import java.util.Arrays;

/**
 * The knobs of the learn-normal models.
 *
 * @param seed            base seed of every random choice (splits, samples, weights, batch order)
 * @param quantile        the anomaly threshold is this quantile of the scores of held-out normal
 *                        rows, as for the isolation forest (0.995: 0.5 % of normal rows above it)
 * @param heldOutShare    share of the normal rows held out for model choice, and as much again
 *                        for the threshold; the rest is fitted on
 * @param svmSample       rows the one-class SVM is fitted on, drawn from the fitting rows (its
 *                        training is quadratic in rows)
 * @param nus             grid of the SVM's nu (an upper bound on the share of training rows left
 *                        outside, and a lower bound on the share that are support vectors)
 * @param gammas          grid of the Gaussian kernel's gamma, in units of 1/41 (the usual
 *                        1/(features * variance) for standardised rows)
 * @param maxChoiceRows   at most this many held-out rows are scored per SVM of the grid
 * @param hidden          autoencoder: neurons of each of the two ReLU layers
 * @param bottleneck      ... neurons of the linear layer in the middle
 * @param epochs          ... most passes over the fitting rows
 * @param patience        ... passes without a better held-out error before it stops
 * @param batch           ... rows per gradient step
 * @param learningRate    ... step size (momentum 0.9)
 */
public record LearnNormalConfig(long seed, double quantile, double heldOutShare, int svmSample, double[] nus, double[] gammas,
        int maxChoiceRows, int hidden, int bottleneck, int epochs, int patience, int batch, double learningRate) {

    public LearnNormalConfig {
        if (!(quantile > 0 && quantile < 1) || !(heldOutShare > 0 && heldOutShare < 0.5)) {
            throw new IllegalArgumentException("quantile must be in (0, 1) and the held-out share in (0, 0.5)");
        }
        if (svmSample < 10 || nus.length == 0 || gammas.length == 0 || hidden < 1 || bottleneck < 1 || epochs < 1 || batch < 1) {
            throw new IllegalArgumentException("sizes must be positive and the grids not empty");
        }
        nus = nus.clone();
        gammas = gammas.clone();
    }

    /** The values the comparison in detector/RESULTS.md ("Learn-normal models") ran with. */
    public static LearnNormalConfig defaults() {
        return new LearnNormalConfig(1999L, 0.995, 0.15, 3000, new double[] {0.01, 0.05}, new double[] {0.1, 1, 10}, 5000,
                24, 8, 60, 3, 32, 0.01);
    }

    /** A copy with another seed. */
    public LearnNormalConfig withSeed(long s) {
        return new LearnNormalConfig(s, quantile, heldOutShare, svmSample, nus, gammas, maxChoiceRows, hidden, bottleneck, epochs,
                patience, batch, learningRate);
    }

    /** A copy with smaller sizes, for tests. */
    public LearnNormalConfig small(int sample, int maxEpochs) {
        return new LearnNormalConfig(seed, quantile, heldOutShare, sample, nus, gammas, maxChoiceRows, hidden, bottleneck, maxEpochs,
                patience, batch, learningRate);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LearnNormalConfig c && seed == c.seed && quantile == c.quantile && heldOutShare == c.heldOutShare
                && svmSample == c.svmSample && Arrays.equals(nus, c.nus) && Arrays.equals(gammas, c.gammas)
                && maxChoiceRows == c.maxChoiceRows && hidden == c.hidden && bottleneck == c.bottleneck && epochs == c.epochs
                && patience == c.patience && batch == c.batch && learningRate == c.learningRate;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seed) * 31 + Arrays.hashCode(nus);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "seed %d, quantile %s, held out %s + %s, svm sample %d, nu %s, gamma %s/41, autoencoder 41-%d-%d-%d-41 (ReLU), "
                        + "<= %d epochs (patience %d), batch %d, rate %s, momentum 0.9",
                seed, quantile, heldOutShare, heldOutShare, svmSample, Arrays.toString(nus), Arrays.toString(gammas), hidden,
                bottleneck, hidden, epochs, patience, batch, learningRate);
    }
}

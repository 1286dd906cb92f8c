package gatewatch.detector.anomaly;

import gatewatch.features.kdd.KddFeature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import smile.anomaly.SVM;
import smile.math.MathEx;
import smile.math.kernel.GaussianKernel;

/**
 * Fits the learn-normal models on encoded normal rows only, each with the isolation forest's
 * threshold rule: a quantile of the scores of normal rows the model never saw.
 *
 * <p>The normal rows are shuffled with the seed and dealt three ways: a share held out for the
 * model's own choices (the SVM's nu and gamma, the autoencoder's stopping epoch), as much again
 * held out for the threshold, and the rest to fit on. No attack row is looked at. Deterministic
 * for a seed: every draw comes from the seed, and Smile's generator is seeded before each fit on
 * the calling thread.
 */
public final class LearnNormalTrainer {
    private static final int F = KddFeature.COUNT_OF_FEATURES;
    private static final double MOMENTUM = 0.9;

    private final LearnNormalConfig config;

    public LearnNormalTrainer(LearnNormalConfig config) {
        this.config = config;
    }

    /** Normal rows dealt three ways. */
    public record Split(double[][] fit, double[][] choice, double[][] threshold) {
    }

    /**
     * A fitted model with its threshold.
     *
     * @param scorer    the compiled model
     * @param threshold the quantile of its scores on the threshold rows
     * @param seconds   wall time of fitting, grid and threshold included
     * @param detail    what was chosen and why, one line
     */
    public record Fitted(NormalScorer scorer, double threshold, double seconds, String detail) {
    }

    /** Deals {@code normal} (encoded rows) into fitting, choice and threshold rows. */
    public Split split(double[][] normal) {
        if (normal.length < 20) {
            throw new IllegalArgumentException("need at least 20 normal rows, got " + normal.length);
        }
        int[] order = permutation(normal.length, new SplittableRandom(config.seed()));
        int held = Math.max(1, (int) Math.round(normal.length * config.heldOutShare()));
        double[][] choice = new double[held][];
        double[][] threshold = new double[held][];
        double[][] fit = new double[normal.length - 2 * held][];
        for (int i = 0; i < normal.length; i++) {
            double[] row = normal[order[i]];
            if (i < held) {
                choice[i] = row;
            } else if (i < 2 * held) {
                threshold[i - held] = row;
            } else {
                fit[i - 2 * held] = row;
            }
        }
        return new Split(fit, choice, threshold);
    }

    /**
     * A one-class SVM with a Gaussian kernel on a seeded sample of the fitting rows; nu and gamma
     * from the grid, chosen on the choice rows: the pair whose share of choice rows outside the
     * learned region is closest to nu, relative to nu (a region that fits the sample but not
     * unseen normal rows is overfitted; nu is the share of training rows it was allowed to leave
     * out). Ties go to the fewer support vectors, i.e. the faster scorer.
     */
    public Fitted oneClassSvm(Split split) {
        long t0 = System.nanoTime();
        Standardiser s = Standardiser.fit(split.fit());
        int m = Math.min(config.svmSample(), split.fit().length);
        // The fitting rows are already in a seeded random order: the first m are a seeded sample.
        double[][] sample = s.applyAll(Arrays.copyOf(split.fit(), m));
        double[][] choice = s.applyAll(Arrays.copyOf(split.choice(), Math.min(config.maxChoiceRows(), split.choice().length)));
        OneClassSvmScorer best = null;
        double bestGap = Double.POSITIVE_INFINITY;
        List<String> grid = new ArrayList<>();
        for (double nu : config.nus()) {
            for (double g : config.gammas()) {
                double gamma = g / F;
                MathEx.setSeed(config.seed());
                SVM<double[]> svm = SVM.fit(sample, new GaussianKernel(Math.sqrt(1.0 / (2.0 * gamma))), new SVM.Options(nu, 1e-3));
                OneClassSvmScorer c = OneClassSvmScorer.of(s, svm, gamma, nu);
                long outside = Arrays.stream(choice).filter(z -> c.scoreStandardised(z) > 0).count();
                double rate = (double) outside / choice.length;
                double gap = Math.abs(rate - nu) / nu;
                grid.add(String.format(Locale.ROOT, "nu %s gamma %s/41: %d SV, %.2f %% out", nu, g, c.supportVectors(), 100 * rate));
                if (best == null || gap < bestGap - 1e-12 || (Math.abs(gap - bestGap) <= 1e-12 && c.supportVectors() < best.supportVectors())) {
                    best = c;
                    bestGap = gap;
                }
            }
        }
        OneClassSvmScorer chosen = best;
        double threshold = quantile(chosen.scoreAll(split.threshold()), config.quantile());
        String detail = String.format(Locale.ROOT, "nu %s, gamma %.5f, %d support vectors from %d rows; grid: %s", chosen.nu(),
                chosen.gamma(), chosen.supportVectors(), m, String.join("; ", grid));
        return new Fitted(chosen, threshold, (System.nanoTime() - t0) / 1e9, detail);
    }

    /**
     * An autoencoder trained on all fitting rows by minibatch gradient descent with momentum;
     * after each pass the mean reconstruction error of the choice rows decides whether this is
     * the best network yet, and training stops after {@code patience} passes without one.
     */
    public Fitted autoencoder(Split split) {
        long t0 = System.nanoTime();
        Standardiser s = Standardiser.fit(split.fit());
        double[][] fit = s.applyAll(split.fit());
        double[][] choice = s.applyAll(Arrays.copyOf(split.choice(), Math.min(config.maxChoiceRows() * 4, split.choice().length)));
        SplittableRandom random = new SplittableRandom(config.seed() + 1);
        Autoencoder net = Autoencoder.of(F, config.hidden(), config.bottleneck(), random);
        AutoencoderScorer best = null;
        double bestError = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int epoch = 0;
        while (epoch < config.epochs() && epoch - bestEpoch <= config.patience()) {
            epoch++;
            int[] order = permutation(fit.length, random);
            for (int from = 0; from < fit.length; from += config.batch()) {
                net.step(fit, order, from, Math.min(fit.length, from + config.batch()), config.learningRate(), MOMENTUM);
            }
            AutoencoderScorer c = net.compile(s);
            double[][] scratch = c.scratch();
            double error = Arrays.stream(choice).mapToDouble(z -> c.reconstructionError(z, scratch)).average().orElse(0);
            if (!Double.isFinite(error)) {
                break; // diverged: keep the last good network
            }
            if (error < bestError) {
                best = c;
                bestError = error;
                bestEpoch = epoch;
            }
        }
        if (best == null) {
            throw new IllegalStateException("the autoencoder diverged in its first pass; lower the learning rate");
        }
        double threshold = quantile(best.scoreAll(split.threshold()), config.quantile());
        String detail = String.format(Locale.ROOT, "41-%d-%d-%d-41, best of %d passes at pass %d, held-out error %.4f", config.hidden(),
                config.bottleneck(), config.hidden(), epoch, bestEpoch, bestError);
        return new Fitted(best, threshold, (System.nanoTime() - t0) / 1e9, detail);
    }

    /** The {@code q} quantile as the isolation forest's threshold takes it: the ceil(q n)-th smallest score. */
    public static double quantile(double[] scores, double q) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        int at = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, at))];
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}

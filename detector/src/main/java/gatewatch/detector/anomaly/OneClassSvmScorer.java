package gatewatch.detector.anomaly;

import gatewatch.features.kdd.KddFeature;
import java.io.Serializable;
import java.util.Arrays;
import smile.anomaly.SVM;

/**
 * A compiled one-class SVM with a Gaussian kernel: {@code score(x) = -(b + sum_i w_i exp(-gamma
 * |z - v_i|^2))} for the standardised row {@code z}, i.e. Smile's decision value with its sign
 * turned so that higher is stranger (Smile's is positive inside the support of the normal rows).
 * Scoring costs one distance per support vector, so its speed is set by how many there are.
 *
 * @param standardiser  what puts a row on the scale the SVM was fitted on
 * @param vectors       the support vectors, row-major, 41 values each
 * @param weights       their weights
 * @param intercept     Smile's intercept {@code b}
 * @param gamma         the kernel's {@code 1 / (2 sigma^2)}
 * @param nu            the nu it was fitted with (for the record)
 */
public record OneClassSvmScorer(Standardiser standardiser, double[] vectors, double[] weights, double intercept, double gamma,
        double nu) implements NormalScorer, Serializable {
    private static final int F = KddFeature.COUNT_OF_FEATURES;

    public OneClassSvmScorer {
        if (vectors.length != weights.length * F || !(gamma > 0)) {
            throw new IllegalArgumentException("support vectors and weights do not match, or gamma is not positive");
        }
    }

    /** The compiled form of Smile's one-class SVM fitted on rows standardised by {@code s}. */
    public static OneClassSvmScorer of(Standardiser s, SVM<double[]> svm, double gamma, double nu) {
        // T[] erases to Object[]: Smile may hold the vectors in an Object[] whatever T is.
        Object[] sv = svm.vectors();
        double[] flat = new double[sv.length * F];
        for (int i = 0; i < sv.length; i++) {
            System.arraycopy((double[]) sv[i], 0, flat, i * F, F);
        }
        return new OneClassSvmScorer(s, flat, svm.weights().clone(), svm.intercept(), gamma, nu);
    }

    /** Support vectors. */
    public int supportVectors() {
        return weights.length;
    }

    @Override
    public String name() {
        return "ocsvm";
    }

    /** The score of the standardised row {@code z}. */
    public double scoreStandardised(double[] z) {
        double f = intercept;
        for (int i = 0, o = 0; i < weights.length; i++, o += F) {
            double d2 = 0;
            for (int j = 0; j < F; j++) {
                double d = z[j] - vectors[o + j];
                d2 += d * d;
            }
            f += weights[i] * Math.exp(-gamma * d2);
        }
        return -f;
    }

    /** The standardised row. */
    @Override
    public double[][] scratch() {
        return new double[][] {new double[F]};
    }

    @Override
    public double score(double[] x, int off, double[][] scratch) {
        standardiser.apply(x, off, scratch[0]);
        return scoreStandardised(scratch[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OneClassSvmScorer s && standardiser.equals(s.standardiser) && Arrays.equals(vectors, s.vectors)
                && Arrays.equals(weights, s.weights) && intercept == s.intercept && gamma == s.gamma && nu == s.nu;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights);
    }
}

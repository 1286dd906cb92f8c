package gatewatch.detector.anomaly;

import gatewatch.features.kdd.KddFeature;
import java.io.Serializable;
import java.util.Arrays;

/**
 * A compiled autoencoder: dense layers over the standardised row, each {@code y = W x + b}
 * followed by a ReLU where {@link #relu} says so; the last layer gives back 41 values, and the
 * score is the mean squared difference between them and the standardised row (the
 * reconstruction error: normal rows, which it learned to rebuild, score low).
 *
 * @param standardiser what puts a row on the scale the network was trained on
 * @param weights      per layer, its weights row-major ({@code out x in})
 * @param biases       per layer, one bias per output
 * @param relu         per layer, whether a ReLU follows it
 */
public record AutoencoderScorer(Standardiser standardiser, double[][] weights, double[][] biases, boolean[] relu)
        implements NormalScorer, Serializable {
    private static final int F = KddFeature.COUNT_OF_FEATURES;

    public AutoencoderScorer {
        if (weights.length == 0 || biases.length != weights.length || relu.length != weights.length) {
            throw new IllegalArgumentException("every layer needs weights, biases and an activation");
        }
        int in = F;
        for (int l = 0; l < weights.length; l++) {
            int out = biases[l].length;
            if (weights[l].length != out * in) {
                throw new IllegalArgumentException("layer " + l + " has " + weights[l].length + " weights for " + in + " -> " + out);
            }
            in = out;
        }
        if (in != F) {
            throw new IllegalArgumentException("the last layer must give back 41 values, not " + in);
        }
    }

    /** The widest layer, for scratch. */
    public int width() {
        return Arrays.stream(biases).mapToInt(b -> b.length).max().orElse(F);
    }

    /** Multiply-adds per row. */
    public long multiplyAdds() {
        return Arrays.stream(weights).mapToLong(w -> w.length).sum();
    }

    @Override
    public String name() {
        return "autoencoder";
    }

    /** Two buffers of {@link #width()} and the standardised row. */
    @Override
    public double[][] scratch() {
        int w = Math.max(F, width());
        return new double[][] {new double[w], new double[w], new double[F]};
    }

    /** The reconstruction error of the encoded row {@code x[off..off+41)}. */
    @Override
    public double score(double[] x, int off, double[][] scratch) {
        double[] z = scratch[2];
        standardiser.apply(x, off, z);
        return reconstructionError(z, scratch);
    }

    /** The reconstruction error of a standardised row. */
    public double reconstructionError(double[] z, double[][] scratch) {
        double[] in = z;
        int n = F;
        double[] out = scratch[0];
        for (int l = 0; l < weights.length; l++) {
            out = scratch[l & 1];
            double[] w = weights[l];
            double[] b = biases[l];
            boolean r = relu[l];
            for (int o = 0, k = 0; o < b.length; o++) {
                double s = b[o];
                for (int i = 0; i < n; i++, k++) {
                    s += w[k] * in[i];
                }
                out[o] = r && s < 0 ? 0.0 : s;
            }
            in = out;
            n = b.length;
        }
        double e = 0;
        for (int j = 0; j < F; j++) {
            double d = out[j] - z[j];
            e += d * d;
        }
        return e / F;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AutoencoderScorer a && standardiser.equals(a.standardiser) && Arrays.deepEquals(weights, a.weights)
                && Arrays.deepEquals(biases, a.biases) && Arrays.equals(relu, a.relu);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(weights);
    }
}

package gatewatch.detector.anomaly;

import java.util.SplittableRandom;

/**
 * Trains a small autoencoder, {@code inputs -> hidden (ReLU) -> bottleneck (linear) -> hidden
 * (ReLU) -> inputs (linear)}, by minibatch gradient descent with momentum on the mean squared
 * reconstruction error. Training only; {@link #compile} gives the scorer.
 *
 * <p>Written here rather than driving Smile's {@code MultilayerPerceptron}: Smile 6's MLP layers
 * multiply through native BLAS ({@code libopenblas.so}, looked up at run time), which neither
 * this machine nor a gateway host has; the rest of gatewatch's models need no native library.
 * The network is a few thousand weights, so plain loops train it in seconds.
 */
final class Autoencoder {
    private final int[] sizes;
    private final boolean[] relu;
    private final double[][] weights;
    private final double[][] biases;
    private final double[][] weightVelocity;
    private final double[][] biasVelocity;
    private final double[][] weightGradient;
    private final double[][] biasGradient;
    /** Activations per layer, {@code activation[0]} the input. */
    private final double[][] activation;
    private final double[][] delta;

    private Autoencoder(int[] sizes, boolean[] relu, SplittableRandom random) {
        this.sizes = sizes;
        this.relu = relu;
        int layers = sizes.length - 1;
        weights = new double[layers][];
        biases = new double[layers][];
        weightVelocity = new double[layers][];
        biasVelocity = new double[layers][];
        weightGradient = new double[layers][];
        biasGradient = new double[layers][];
        activation = new double[sizes.length][];
        delta = new double[sizes.length][];
        for (int l = 0; l < sizes.length; l++) {
            activation[l] = new double[sizes[l]];
            delta[l] = new double[sizes[l]];
        }
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            // He initialisation before a ReLU, Glorot before a linear unit.
            double limit = relu[l] ? Math.sqrt(6.0 / in) : Math.sqrt(6.0 / (in + out));
            weights[l] = new double[out * in];
            for (int k = 0; k < weights[l].length; k++) {
                weights[l][k] = (2 * random.nextDouble() - 1) * limit;
            }
            biases[l] = new double[out];
            weightVelocity[l] = new double[out * in];
            biasVelocity[l] = new double[out];
            weightGradient[l] = new double[out * in];
            biasGradient[l] = new double[out];
        }
    }

    /** A new network with weights drawn from {@code random}. */
    static Autoencoder of(int inputs, int hidden, int bottleneck, SplittableRandom random) {
        return new Autoencoder(new int[] {inputs, hidden, bottleneck, hidden, inputs}, new boolean[] {true, false, true, false}, random);
    }

    /** One step over the rows {@code rows[order[from..to)]}: mean gradient, then {@code v = m v - rate g; w += v}. */
    void step(double[][] rows, int[] order, int from, int to, double rate, double momentum) {
        int layers = weights.length;
        for (int l = 0; l < layers; l++) {
            java.util.Arrays.fill(weightGradient[l], 0.0);
            java.util.Arrays.fill(biasGradient[l], 0.0);
        }
        for (int r = from; r < to; r++) {
            double[] x = rows[order[r]];
            forward(x);
            double[] out = activation[layers];
            double[] d = delta[layers];
            for (int j = 0; j < out.length; j++) {
                d[j] = 2.0 * (out[j] - x[j]) / out.length;
            }
            for (int l = layers - 1; l >= 0; l--) {
                int in = sizes[l];
                double[] dOut = delta[l + 1];
                double[] a = activation[l];
                double[] w = weights[l];
                double[] gw = weightGradient[l];
                double[] gb = biasGradient[l];
                double[] dIn = delta[l];
                java.util.Arrays.fill(dIn, 0.0);
                for (int o = 0, k = 0; o < dOut.length; o++) {
                    double g = dOut[o];
                    if (relu[l] && activation[l + 1][o] <= 0) {
                        g = 0; // a ReLU at 0 passes no gradient
                    }
                    gb[o] += g;
                    for (int i = 0; i < in; i++, k++) {
                        gw[k] += g * a[i];
                        dIn[i] += g * w[k];
                    }
                }
            }
        }
        double scale = rate / (to - from);
        for (int l = 0; l < layers; l++) {
            move(weights[l], weightVelocity[l], weightGradient[l], scale, momentum);
            move(biases[l], biasVelocity[l], biasGradient[l], scale, momentum);
        }
    }

    private static void move(double[] w, double[] v, double[] g, double scale, double momentum) {
        for (int k = 0; k < w.length; k++) {
            v[k] = momentum * v[k] - scale * g[k];
            w[k] += v[k];
        }
    }

    private void forward(double[] x) {
        System.arraycopy(x, 0, activation[0], 0, x.length);
        for (int l = 0; l < weights.length; l++) {
            double[] in = activation[l];
            double[] out = activation[l + 1];
            double[] w = weights[l];
            double[] b = biases[l];
            for (int o = 0, k = 0; o < out.length; o++) {
                double s = b[o];
                for (int i = 0; i < in.length; i++, k++) {
                    s += w[k] * in[i];
                }
                out[o] = relu[l] && s < 0 ? 0.0 : s;
            }
        }
    }

    /** A copy of the network as a scorer of rows standardised by {@code s}. */
    AutoencoderScorer compile(Standardiser s) {
        double[][] w = new double[weights.length][];
        double[][] b = new double[biases.length][];
        for (int l = 0; l < weights.length; l++) {
            w[l] = weights[l].clone();
            b[l] = biases[l].clone();
        }
        return new AutoencoderScorer(s, w, b, relu.clone());
    }
}

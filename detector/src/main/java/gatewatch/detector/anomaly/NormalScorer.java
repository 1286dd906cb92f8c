package gatewatch.detector.anomaly;

/**
 * A model of normal traffic only: the higher the score of an encoded row, the less it looks like
 * the normal rows the model learned. Each implementation is a compiled form (primitive tables,
 * a plain loop), so its speed is the speed it would have in the detector.
 */
public sealed interface NormalScorer permits IsolationBaseline, OneClassSvmScorer, AutoencoderScorer {
    /** Short name for tables: {@code iforest}, {@code ocsvm}, {@code autoencoder}. */
    String name();

    /** Scratch arrays for {@link #score}, one set per thread. */
    double[][] scratch();

    /** The score of the encoded row {@code x[off..off+41)}, using {@code scratch} from {@link #scratch()}. */
    double score(double[] x, int off, double[][] scratch);

    /** The score of each encoded row (rows as {@code FeatureEncoder} gives them). */
    default double[] scoreAll(double[][] encoded) {
        double[][] scratch = scratch();
        double[] out = new double[encoded.length];
        for (int i = 0; i < encoded.length; i++) {
            out[i] = score(encoded[i], 0, scratch);
        }
        return out;
    }
}

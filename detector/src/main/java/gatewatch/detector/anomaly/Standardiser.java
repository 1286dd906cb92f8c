package gatewatch.detector.anomaly;

import gatewatch.features.kdd.KddFeature;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Puts encoded rows on the scale of normal traffic for the learn-normal models: {@code z = (x -
 * mean) / (std + 0.05)} per feature, over normal rows, then clipped to {@code [-clip, clip]}.
 *
 * <p>The spread is the one {@code ModelPayload.normalScale} holds (standard deviation plus 0.05),
 * so that a feature constant on normal rows (land, root_shell) stays finite. The clip keeps
 * one heavy-tailed count (hot indicators, file creations: 20 and more standard deviations on a
 * few normal rows) from dominating a distance or a squared error: a value 10 spreads away is
 * already as strange as the scorers need to know.
 *
 * @param center mean of each encoded feature over the normal rows it was fitted on
 * @param scale  standard deviation plus 0.05 of each
 * @param clip   the largest absolute standardised value
 */
public record Standardiser(double[] center, double[] scale, double clip) implements Serializable {
    private static final int F = KddFeature.COUNT_OF_FEATURES;
    /** Added to every standard deviation, as the model's reason tables do. */
    static final double FLOOR = 0.05;
    /** The default clip, in spreads. */
    public static final double CLIP = 10.0;

    public Standardiser {
        if (center.length != F || scale.length != F || !(clip > 0)) {
            throw new IllegalArgumentException("a standardiser needs 41 centres, 41 positive scales and a positive clip");
        }
        for (double s : scale) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("scales must be positive");
            }
        }
        center = center.clone();
        scale = scale.clone();
    }

    /** Fitted on encoded normal rows. */
    public static Standardiser fit(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no normal rows to standardise on");
        }
        double[] mean = new double[F];
        for (double[] r : rows) {
            for (int j = 0; j < F; j++) {
                mean[j] += r[j];
            }
        }
        for (int j = 0; j < F; j++) {
            mean[j] /= rows.length;
        }
        double[] scale = new double[F];
        for (double[] r : rows) {
            for (int j = 0; j < F; j++) {
                double d = r[j] - mean[j];
                scale[j] += d * d;
            }
        }
        for (int j = 0; j < F; j++) {
            scale[j] = Math.sqrt(scale[j] / rows.length) + FLOOR;
        }
        return new Standardiser(mean, scale, CLIP);
    }

    /** Standardises the encoded row {@code x[off..off+41)} into {@code z[0..41)}. */
    public void apply(double[] x, int off, double[] z) {
        for (int j = 0; j < F; j++) {
            double v = (x[off + j] - center[j]) / scale[j];
            z[j] = Math.max(-clip, Math.min(clip, v));
        }
    }

    /** A standardised copy of each row. */
    public double[][] applyAll(double[][] rows) {
        double[][] out = new double[rows.length][F];
        for (int i = 0; i < rows.length; i++) {
            apply(rows[i], 0, out[i]);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Standardiser s && Arrays.equals(center, s.center) && Arrays.equals(scale, s.scale) && clip == s.clip;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(center) * 31 + Arrays.hashCode(scale);
    }
}

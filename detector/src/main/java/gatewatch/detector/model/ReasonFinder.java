package gatewatch.detector.model;

import gatewatch.detector.encode.DetectorRow;
import java.util.List;

/**
 * Names the features that drove a verdict: each feature scores its model importance times how
 * far the connection's (encoded) value lies from the normal training rows, in units of their
 * spread, capped at {@value #CAP} so that one wild count cannot drown the rest. The
 * {@value #MAX_REASONS} highest scores above zero are the reasons, strongest first.
 *
 * <p>Cheap (a multiply-add per column, no tree walk), so it can run for every alert of a flood.
 */
final class ReasonFinder {
    static final int MAX_REASONS = 3;
    static final double CAP = 10.0;

    private static final String[] NAMES = DetectorRow.names();

    private final double[] importance;
    private final double[] center;
    private final double[] scale;

    ReasonFinder(double[] importance, double[] center, double[] scale) {
        this.importance = importance;
        this.center = center;
        this.scale = scale;
    }

    List<String> reasons(double[] x, int off) {
        int b0 = -1;
        int b1 = -1;
        int b2 = -1;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        for (int f = 0; f < NAMES.length; f++) {
            double s = importance[f] * Math.min(CAP, Math.abs(x[off + f] - center[f]) / scale[f]);
            if (s > s0) {
                b2 = b1; s2 = s1; b1 = b0; s1 = s0; b0 = f; s0 = s;
            } else if (s > s1) {
                b2 = b1; s2 = s1; b1 = f; s1 = s;
            } else if (s > s2) {
                b2 = f; s2 = s;
            }
        }
        if (b0 < 0) {
            return List.of();
        }
        if (b1 < 0) {
            return List.of(NAMES[b0]);
        }
        if (b2 < 0) {
            return List.of(NAMES[b0], NAMES[b1]);
        }
        return List.of(NAMES[b0], NAMES[b1], NAMES[b2]);
    }
}

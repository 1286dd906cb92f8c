package gatewatch.detector.anomaly;

import gatewatch.detector.model.IsolationLevels;
import gatewatch.detector.model.IsolationScorer;

/** The ensemble's own isolation forest, as a {@link NormalScorer} beside the others. */
public record IsolationBaseline(IsolationScorer forest) implements NormalScorer {
    @Override
    public String name() {
        return "iforest";
    }

    @Override
    public double[][] scratch() {
        return new double[0][];
    }

    @Override
    public double score(double[] x, int off, double[][] scratch) {
        return forest.score(x, off);
    }

    /** In the batch layout the detector scores with ({@link IsolationLevels}), the reference walk where it has none. */
    @Override
    public double[] scoreAll(double[][] encoded) {
        IsolationLevels levels = IsolationLevels.of(forest);
        if (levels != null) {
            return levels.scoreAll(encoded);
        }
        double[] out = new double[encoded.length];
        for (int i = 0; i < encoded.length; i++) {
            out[i] = forest.score(encoded[i], 0);
        }
        return out;
    }
}

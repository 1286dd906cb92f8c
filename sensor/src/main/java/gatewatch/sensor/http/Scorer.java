package gatewatch.sensor.http;

import gatewatch.detector.model.Verdict;

/**
 * What the scoring API scores with; a {@code BatchScorer}'s {@code scoreBatch} over raw rows is
 * one. Called from the API's one scoring thread, never from the event loop.
 */
@FunctionalInterface
public interface Scorer {
    /**
     * Scores {@code n} detector rows ({@code DetectorRow}: the 41 features and the columns beyond
     * them), row-major in {@code rows}, into {@code out[0..n)}.
     */
    void scoreBatch(double[] rows, int n, Verdict[] out);
}

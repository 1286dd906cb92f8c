package gatewatch.sensor.http;

import gatewatch.detector.model.Verdict;
import gatewatch.features.kdd.KddRecord;

/**
 * What the scoring API scores with; a {@code BatchScorer}'s {@code scoreBatch} is one. Called from
 * the API's one scoring thread, never from the event loop.
 */
@FunctionalInterface
public interface Scorer {
    /** Scores {@code batch[0..n)} into {@code out[0..n)}. */
    void scoreBatch(KddRecord[] batch, int n, Verdict[] out);
}

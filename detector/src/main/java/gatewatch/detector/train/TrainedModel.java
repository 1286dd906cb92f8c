package gatewatch.detector.train;

import gatewatch.detector.model.Ensemble;
import smile.anomaly.IsolationForest;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;

/**
 * The result of training: the compiled {@link Ensemble} and the Smile models it was compiled
 * from (kept for equivalence checks and benchmarks; they are not written to the model file).
 *
 * @param ensemble     the compiled ensemble with its header
 * @param labelForest  Smile's label forest (columns: the 41 encoded features)
 * @param categoryBoost Smile's category boost
 * @param baseline     Smile's isolation forest
 * @param report       counts and timings
 */
public record TrainedModel(Ensemble ensemble, RandomForest labelForest, GradientTreeBoost categoryBoost,
        IsolationForest baseline, TrainingReport report) {
}

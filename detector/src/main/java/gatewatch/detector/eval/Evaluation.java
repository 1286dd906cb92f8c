package gatewatch.detector.eval;

import java.util.List;
import java.util.Map;

/**
 * The figures of one evaluation run, as {@code gatewatch evaluate --json} prints them.
 *
 * @param rows             rows scored
 * @param accuracy         share of rows whose counted category is their actual category
 * @param costPerExample   mean KDD cost
 * @param categories       the order of {@code confusion}'s rows and columns
 * @param confusion        counts, [actual][predicted], anomaly verdicts counted as described by
 *                         {@code anomalyCounting}
 * @param perCategory      precision / recall / F1 per category
 * @param perLabel         every attack label of the test rows, by category (in {@code categories}
 *                         order) and then by rows, most first
 * @param rocAuc           attack vs normal, ranked by 1 - p(normal)
 * @param prAuc            attack vs normal, average precision (attack = positive)
 * @param anomalyVerdicts  rows given the verdict anomaly
 * @param anomalyByActual  those rows by actual category (same order as {@code categories})
 * @param anomalyCounting  how an anomaly verdict is scored against the five categories
 * @param modelVersion     the model that was evaluated
 */
public record Evaluation(long rows, double accuracy, double costPerExample, List<String> categories, long[][] confusion,
        List<CategoryMetrics> perCategory, Map<String, LabelMetrics> perLabel, double rocAuc, double prAuc,
        long anomalyVerdicts, long[] anomalyByActual, String anomalyCounting, String modelVersion) {

    public static final String ANOMALY_COUNTING = "an anomaly verdict counts as the attack category (dos, probe, r2l, u2r)"
            + " with the highest combined supervised posterior";
}

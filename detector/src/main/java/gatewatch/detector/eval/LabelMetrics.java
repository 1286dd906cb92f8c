package gatewatch.detector.eval;

/**
 * How the rows of one attack label were judged: whether they were alerted at all, and whether in
 * their own category. An attack that hides in a category's recall shows here.
 *
 * @param category            the label's KDD category
 * @param rows                rows with this label
 * @param detected            rows given an alert verdict (an attack category or anomaly)
 * @param detectedShare       {@code detected / rows}
 * @param rightCategory       rows counted in the label's own category (an anomaly verdict counted
 *                            as {@link Evaluation#ANOMALY_COUNTING} says)
 * @param rightCategoryShare  {@code rightCategory / rows}
 * @param topPredicted        the verdict label these rows got most often (on a tie, the first
 *                            in alphabetical order)
 * @param topPredictedRows    how many rows got it
 */
public record LabelMetrics(String category, long rows, long detected, double detectedShare, long rightCategory,
        double rightCategoryShare, String topPredicted, long topPredictedRows) {

    static LabelMetrics of(String category, long rows, long detected, long rightCategory, String topPredicted,
            long topPredictedRows) {
        return new LabelMetrics(category, rows, detected, (double) detected / rows, rightCategory,
                (double) rightCategory / rows, topPredicted, topPredictedRows);
    }
}

package gatewatch.detector.train;

/**
 * What training saw and how long it took.
 *
 * @param rowsRead        rows in the input files
 * @param rowsUsed        rows after dedupe
 * @param normalRows      normal rows the baseline was fitted on
 * @param labels          distinct labels
 * @param anomalyThreshold the chosen threshold
 * @param forestSeconds   wall time of the label forest
 * @param boostSeconds    wall time of the category boost
 * @param baselineSeconds wall time of the baseline and its threshold folds
 */
public record TrainingReport(int rowsRead, int rowsUsed, int normalRows, int labels, double anomalyThreshold,
        double forestSeconds, double boostSeconds, double baselineSeconds) {
}

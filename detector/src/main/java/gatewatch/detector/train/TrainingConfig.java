package gatewatch.detector.train;

/**
 * Every knob of training, with the values of the bundled model in {@link #defaults()}.
 *
 * @param seed                base seed of every random choice (trees, samples), so a retrain
 *                            gives the same model
 * @param dedupe              drop repeated (features, label) rows before anything else
 * @param forestTrees         label random forest: trees
 * @param forestMaxDepth      ... maximum depth
 * @param forestMaxNodes      ... maximum leaves per tree
 * @param forestNodeSize      ... smallest node that is split
 * @param boostTrees          category gradient boosting: trees per class
 * @param boostMaxDepth       ... maximum depth
 * @param boostMaxNodes       ... leaves per tree
 * @param boostShrinkage      ... learning rate
 * @param boostSubsample      ... fraction of rows per tree
 * @param isolationTrees      baseline isolation forest: trees
 * @param isolationSample     ... rows drawn per tree (the paper's psi)
 * @param isolationMaxDepth   ... depth limit (ceil(log2 psi) in the paper)
 * @param anomalyQuantile     the anomaly threshold is this quantile of the scores of held-out
 *                            normal training rows, i.e. the share of normal traffic allowed to
 *                            be called an anomaly is 1 - quantile
 * @param thresholdFolds      folds over the normal rows for those held-out scores
 * @param forestWeight        the forest's share of the category posterior
 * @param costSensitive       decide by least expected KDD cost
 * @param classWeightCap      largest weight of a rare label (weights are sqrt(largest / count))
 * @param todayNormalWeight   how many times each distinct normal row of today's traffic (lab
 *                            recordings, captures of normal traffic) counts against one KDD'99 row
 * @param todayAttackWeight   the same for each distinct attack row of today's traffic
 * @param alertFloor          an attack verdict needs at least this combined attack posterior
 *                            ({@code 1 - p(normal)}); below it the connection is judged as normal
 *                            (and may still be an anomaly)
 * @param volumeMinimum       connections in the 2-second window ({@code count} or {@code srv_count})
 *                            that a verdict of a label seen only in volume needs
 *                            ({@link gatewatch.detector.model.VolumeEvidence}); 0 for none
 */
public record TrainingConfig(
        long seed,
        boolean dedupe,
        int forestTrees,
        int forestMaxDepth,
        int forestMaxNodes,
        int forestNodeSize,
        int boostTrees,
        int boostMaxDepth,
        int boostMaxNodes,
        double boostShrinkage,
        double boostSubsample,
        int isolationTrees,
        int isolationSample,
        int isolationMaxDepth,
        double anomalyQuantile,
        int thresholdFolds,
        double forestWeight,
        boolean costSensitive,
        int classWeightCap,
        int todayNormalWeight,
        int todayAttackWeight,
        double alertFloor,
        int volumeMinimum) {

    public TrainingConfig {
        if (forestTrees < 1 || boostTrees < 1 || isolationTrees < 1 || isolationSample < 2 || thresholdFolds < 2) {
            throw new IllegalArgumentException("tree and fold counts must be positive");
        }
        if (!(anomalyQuantile > 0 && anomalyQuantile < 1) || !(forestWeight >= 0 && forestWeight <= 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1) and forest weight in [0, 1]");
        }
        if (todayNormalWeight < 1 || todayAttackWeight < 1 || !(alertFloor >= 0 && alertFloor < 1)) {
            throw new IllegalArgumentException("today's weights must be at least 1 and the alert floor in [0, 1)");
        }
        if (volumeMinimum < 0) {
            throw new IllegalArgumentException("the volume minimum must not be negative");
        }
    }

    /**
     * The configuration of the bundled model: chosen by cross-validation on the training data
     * only, stratified and novel-attack folds, with the one-standard-error rule towards the
     * cheapest model (detector/RESULTS.md, section 3). The anomaly quantile (0.999) by the
     * cross-validation that holds out whole lab scenarios and captures (section 12): at 0.995 the
     * isolation forest alerted 72 held-out normal connections of today and caught 219 attack
     * connections that nothing else did, at 0.999 1 and 127.
     */
    public static TrainingConfig defaults() {
        return new TrainingConfig(
                1999L, true,
                10, 24, 2000, 2,
                10, 8, 8, 0.3, 0.7,
                32, 256, 8,
                0.999, 5,
                0.5, true, 10,
                20, 1, 0.7, 20);
    }

    /** A copy with another seed. */
    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(newSeed, dedupe, forestTrees, forestMaxDepth, forestMaxNodes, forestNodeSize, boostTrees,
                boostMaxDepth, boostMaxNodes, boostShrinkage, boostSubsample, isolationTrees, isolationSample,
                isolationMaxDepth, anomalyQuantile, thresholdFolds, forestWeight, costSensitive, classWeightCap,
                todayNormalWeight, todayAttackWeight, alertFloor, volumeMinimum);
    }

    /** A copy with fewer trees, for quick tests. */
    public TrainingConfig withTrees(int forest, int boost, int isolation) {
        return new TrainingConfig(seed, dedupe, forest, forestMaxDepth, forestMaxNodes, forestNodeSize, boost,
                boostMaxDepth, boostMaxNodes, boostShrinkage, boostSubsample, isolation, isolationSample,
                isolationMaxDepth, anomalyQuantile, thresholdFolds, forestWeight, costSensitive, classWeightCap,
                todayNormalWeight, todayAttackWeight, alertFloor, volumeMinimum);
    }

    /** A copy with other weights for today's traffic and another alert floor. */
    public TrainingConfig withToday(int normalWeight, int attackWeight, double floor) {
        return new TrainingConfig(seed, dedupe, forestTrees, forestMaxDepth, forestMaxNodes, forestNodeSize, boostTrees,
                boostMaxDepth, boostMaxNodes, boostShrinkage, boostSubsample, isolationTrees, isolationSample,
                isolationMaxDepth, anomalyQuantile, thresholdFolds, forestWeight, costSensitive, classWeightCap,
                normalWeight, attackWeight, floor, volumeMinimum);
    }

    /** A copy with another share of the label forest in the category posterior (the boost gets the rest). */
    public TrainingConfig withForestWeight(double weight) {
        return new TrainingConfig(seed, dedupe, forestTrees, forestMaxDepth, forestMaxNodes, forestNodeSize, boostTrees,
                boostMaxDepth, boostMaxNodes, boostShrinkage, boostSubsample, isolationTrees, isolationSample,
                isolationMaxDepth, anomalyQuantile, thresholdFolds, weight, costSensitive, classWeightCap,
                todayNormalWeight, todayAttackWeight, alertFloor, volumeMinimum);
    }

    /** A copy with another quantile of held-out normal isolation scores as the anomaly threshold. */
    public TrainingConfig withAnomalyQuantile(double quantile) {
        return new TrainingConfig(seed, dedupe, forestTrees, forestMaxDepth, forestMaxNodes, forestNodeSize, boostTrees,
                boostMaxDepth, boostMaxNodes, boostShrinkage, boostSubsample, isolationTrees, isolationSample,
                isolationMaxDepth, quantile, thresholdFolds, forestWeight, costSensitive, classWeightCap,
                todayNormalWeight, todayAttackWeight, alertFloor, volumeMinimum);
    }

    /** A copy with another volume minimum (0: no label needs volume). */
    public TrainingConfig withVolumeMinimum(int minimum) {
        return new TrainingConfig(seed, dedupe, forestTrees, forestMaxDepth, forestMaxNodes, forestNodeSize, boostTrees,
                boostMaxDepth, boostMaxNodes, boostShrinkage, boostSubsample, isolationTrees, isolationSample,
                isolationMaxDepth, anomalyQuantile, thresholdFolds, forestWeight, costSensitive, classWeightCap,
                todayNormalWeight, todayAttackWeight, alertFloor, minimum);
    }
}

package gatewatch.detector.model;

import gatewatch.detector.encode.FeatureEncoder;
import gatewatch.detector.encode.DetectorRow;
import java.io.Serializable;

/**
 * Everything a trained ensemble is made of, as the model file stores it: primitive tables only,
 * so that loading needs no class beyond these records (see {@code ModelFile}'s filter).
 *
 * @param encoder          the symbol ranks and transforms applied before every model
 * @param labelForest      random forest over the attack labels
 * @param labelNames       label per forest class
 * @param labelCategories  category ordinal per forest class
 * @param categoryBoost    gradient boosting over the five categories
 * @param baseline         isolation forest fitted on normal rows only
 * @param anomalyThreshold baseline score above which a connection no class explains is an anomaly
 * @param forestWeight     weight of the forest in the category posterior (the boost gets the rest)
 * @param costSensitive    whether the category is the least-expected-cost one (else the most probable)
 * @param importance       per-feature importance, summing to 1
 * @param normalCenter     mean of each encoded feature over normal training rows
 * @param normalScale      spread of each encoded feature over normal training rows (std + a floor)
 * @param summary          one line on what the model was trained on and how
 * @param alertFloor       least combined attack posterior ({@code 1 - p(normal)}) of an attack
 *                         verdict; a connection below it is judged as normal traffic (0 in files
 *                         written before it existed: no floor)
 * @param labelVolume      per label, the least 2-second window volume a verdict of it needs
 *                         ({@link VolumeEvidence}); 0 for none; null in files written before it
 *                         existed
 * @param labelServices    per label, the services it was seen on in training ({@link LabelServices});
 *                         null in files written before it existed (any label on any service)
 */
public record ModelPayload(
        FeatureEncoder encoder,
        ForestScorer labelForest,
        String[] labelNames,
        int[] labelCategories,
        BoostScorer categoryBoost,
        IsolationScorer baseline,
        double anomalyThreshold,
        double forestWeight,
        boolean costSensitive,
        double[] importance,
        double[] normalCenter,
        double[] normalScale,
        String summary,
        double alertFloor,
        int[] labelVolume,
        long[] labelServices) implements Serializable {

    public ModelPayload {
        int k = labelForest.classes();
        if (labelNames.length != k || labelCategories.length != k) {
            throw new IllegalArgumentException("label table does not match the forest's " + k + " classes");
        }
        for (int c : labelCategories) {
            if (c < 0 || c >= Category.KDD_COUNT) {
                throw new IllegalArgumentException("label category out of range: " + c);
            }
        }
        if (labelVolume != null && labelVolume.length != k) {
            throw new IllegalArgumentException("volume table does not match the forest's " + k + " classes");
        }
        if (labelServices != null && labelServices.length != k * LabelServices.WORDS) {
            throw new IllegalArgumentException("service table does not match the forest's " + k + " classes");
        }
        if (categoryBoost.classes() != Category.KDD_COUNT) {
            throw new IllegalArgumentException("the category model must have 5 classes");
        }
        int f = DetectorRow.WIDTH;
        if (importance.length != f || normalCenter.length != f || normalScale.length != f) {
            throw new IllegalArgumentException("per-feature tables must have " + f + " entries");
        }
        if (!(forestWeight >= 0 && forestWeight <= 1) || !(anomalyThreshold > 0 && anomalyThreshold <= 1)
                || !(alertFloor >= 0 && alertFloor < 1)) {
            throw new IllegalArgumentException("combiner settings out of range");
        }
    }
}

package gatewatch.detector.model;

/**
 * A verdict together with what evaluation against the five KDD categories needs.
 *
 * @param verdict           the verdict the sensor would report
 * @param counted           the KDD category the verdict counts as: its own category, or for an
 *                          {@link Category#ANOMALY} the attack category (dos, probe, r2l, u2r)
 *                          with the highest combined posterior, i.e. the supervised models' best
 *                          guess once the baseline has said the connection is not normal
 * @param attackProbability 1 - the combined posterior of normal (ranking score for ROC/PR curves)
 */
public record Assessment(Verdict verdict, Category counted, double attackProbability) {
}

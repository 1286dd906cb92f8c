package gatewatch.detector.model;

import java.util.List;
import java.util.Objects;

/**
 * The detector's answer for one connection.
 *
 * @param category     what the connection is judged to be
 * @param label        the KDD attack name, {@code normal}, {@code anomaly}, or
 *                     {@value #SITE_TYPICAL} for a connection the model alone would have alerted
 *                     and the site baseline found typical of the site
 * @param confidence   in [0, 1]: the combined posterior of {@code category} for a supervised
 *                     verdict; for {@link Category#ANOMALY}, how far the anomaly score lies past
 *                     the threshold on the way to 1
 * @param anomalyScore the isolation-forest score in (0, 1]; higher is stranger
 * @param reasons      the names of the features that drove the verdict, strongest first
 *                     (empty for {@link Category#NORMAL}); see {@link ReasonFinder}
 */
public record Verdict(Category category, String label, double confidence, double anomalyScore, List<String> reasons) {
    /** The label of a normal verdict that the site baseline gave instead of an alert. */
    public static final String SITE_TYPICAL = "site_typical";

    public Verdict {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(label, "label");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
        reasons = List.copyOf(reasons);
    }

    /** True when the site baseline cleared a connection the model alone would have alerted. */
    public boolean siteTypical() {
        return category == Category.NORMAL && label.equals(SITE_TYPICAL);
    }

    /** True unless the connection is judged normal. */
    public boolean isAlert() {
        return category != Category.NORMAL;
    }
}

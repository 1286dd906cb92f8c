package gatewatch.detector.eval;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The connections of one truth label and the verdicts they got. For {@code normal} the alerted
 * share is the false-alert rate; for an attack label it is the detection rate.
 *
 * @param label            the truth label ({@code normal}, {@code portsweep}, {@code ssh_guess})
 * @param category         its truth category
 * @param connections      connections with this label
 * @param alerted          connections given any alert verdict (an attack category or anomaly)
 * @param alertedShare     {@code alerted / connections}
 * @param ownCategory      connections alerted in the label's own category (an anomaly verdict is in
 *                         none); null for normal
 * @param ownCategoryShare {@code ownCategory / connections}; null for normal
 * @param verdicts         every verdict these connections got ({@code category/label}, or the
 *                         category alone when the label repeats it: {@code normal}, {@code anomaly},
 *                         {@code normal/site_typical}), most first, then by name
 */
public record LabelResult(String label, String category, long connections, long alerted, double alertedShare,
        Long ownCategory, Double ownCategoryShare, Map<String, Long> verdicts) {

    public boolean normalTraffic() {
        return "normal".equals(category);
    }

    /** The {@code n} most frequent verdicts, e.g. {@code probe/satan 280, normal 19}. */
    public String topVerdicts(int n) {
        return verdicts.entrySet().stream().limit(n)
                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}

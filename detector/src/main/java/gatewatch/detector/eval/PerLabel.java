package gatewatch.detector.eval;

import gatewatch.detector.model.Assessment;
import gatewatch.detector.model.Category;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tallies the verdicts of each attack label (the rows of {@link Evaluation#perLabel()}). */
final class PerLabel {
    private PerLabel() {
    }

    /** One label's running counts. */
    private static final class Tally {
        final Category category;
        long rows;
        long detected;
        long right;
        final Map<String, Long> verdictLabels = new HashMap<>();

        Tally(Category category) {
            this.category = category;
        }

        LabelMetrics metrics() {
            Map.Entry<String, Long> top = verdictLabels.entrySet().stream()
                    .min(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow();
            return LabelMetrics.of(category.externalName(), rows, detected, right, top.getKey(), top.getValue());
        }
    }

    /** Every attack label of {@code labels} (rows of actual category normal are left out). */
    static Map<String, LabelMetrics> of(String[] labels, Category[] actual, Assessment[] assessed) {
        Map<String, Tally> tallies = new HashMap<>();
        for (int i = 0; i < assessed.length; i++) {
            if (actual[i] == Category.NORMAL) {
                continue;
            }
            Category category = actual[i];
            Tally t = tallies.computeIfAbsent(labels[i], k -> new Tally(category));
            t.rows++;
            if (assessed[i].verdict().isAlert()) {
                t.detected++;
            }
            if (assessed[i].counted() == actual[i]) {
                t.right++;
            }
            t.verdictLabels.merge(assessed[i].verdict().label(), 1L, Long::sum);
        }
        List<Map.Entry<String, Tally>> order = tallies.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Tally> e) -> e.getValue().category.ordinal())
                        .thenComparing(e -> -e.getValue().rows)
                        .thenComparing(Map.Entry::getKey))
                .toList();
        Map<String, LabelMetrics> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tally> e : order) {
            out.put(e.getKey(), e.getValue().metrics());
        }
        return out;
    }
}

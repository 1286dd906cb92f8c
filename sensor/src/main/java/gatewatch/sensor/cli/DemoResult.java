package gatewatch.sensor.cli;

import gatewatch.synth.scenario.ScenarioKind;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the demo found, connection by connection (see {@link DemoTally}).
 *
 * @param episodes        per attack episode of the capture, its connections as the replay saw them
 * @param normalByService the normal connections per KDD service
 * @param uncovered       connections of the replay that are not in the truth (or match a truth connection twice)
 * @param unseen          connections of the truth that the replay did not report
 */
record DemoResult(Map<ScenarioKind, Tally> episodes, Map<String, Tally> normalByService, long uncovered, long unseen) {
    DemoResult {
        episodes = Map.copyOf(episodes);
        normalByService = Map.copyOf(normalByService);
    }

    /**
     * @param alerted       connections with any alert verdict (an attack category or anomaly)
     * @param asOwnCategory connections alerted in the category the truth gives them
     * @param labels        alerted connections per {@code category/label} of the verdict
     */
    record Tally(long connections, long alerted, long asOwnCategory, Map<String, Long> labels) {
        Tally {
            labels = Map.copyOf(labels);
        }

        /** The stated rule: most connections alerted in the right category, or none alerted at all. */
        Outcome outcome() {
            if (alerted == 0) {
                return Outcome.MISSED;
            }
            return 2 * asOwnCategory > connections ? Outcome.CAUGHT : Outcome.PARTLY;
        }
    }

    enum Outcome {
        CAUGHT, PARTLY, MISSED;

        String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The name of a verdict in the report: {@code category/label}, or the category alone when the label repeats it (anomaly). */
    static String labelOf(String category, String label) {
        return label.equals(category) ? category : category + "/" + label;
    }

    long normalConnections() {
        return normalByService.values().stream().mapToLong(Tally::connections).sum();
    }

    long normalAlerted() {
        return normalByService.values().stream().mapToLong(Tally::alerted).sum();
    }

    /** The labels the alerted normal connections got, over every service. */
    Map<String, Long> normalLabels() {
        Map<String, Long> all = new TreeMap<>();
        normalByService.values().forEach(t -> t.labels().forEach((l, n) -> all.merge(l, n, Long::sum)));
        return all;
    }

    /** Most first, then by name: the order the report lists labels in. */
    static Map<String, Long> byCount(Map<String, Long> labels) {
        return labels.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}

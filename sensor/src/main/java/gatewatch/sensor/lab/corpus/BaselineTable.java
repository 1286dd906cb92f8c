package gatewatch.sensor.lab.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code BASELINE-MODEL.md}: what the model the corpus command ran with (the bundled one unless given) says on
 * every scenario, per truth label, the seeds of a scenario pooled: the alert rate on normal
 * traffic, and on an attack label the share detected (any alert) and detected in its own category.
 * The counts are {@code gatewatch evaluate --capture}'s on each recording.
 */
final class BaselineTable {
    private BaselineTable() {
    }

    /** One scenario's label, over its seeds. */
    private static final class Pool {
        String category;
        long connections;
        long alerted;
        long own;
        final TreeSet<Long> seeds = new TreeSet<>();
        final Map<String, Long> verdicts = new TreeMap<>();
    }

    /** @param model the model, as the title names it ("the bundled model", "the model m.gwm") */
    static String render(List<JsonNode> entries, String commandLine, String model, String generatedAt) {
        Map<String, Map<String, Pool>> byScenario = new TreeMap<>();
        TreeSet<String> models = new TreeSet<>();
        for (JsonNode e : entries) {
            JsonNode b = e.path("baseline");
            models.add(b.path("model_version").asText());
            Map<String, Pool> labels = byScenario.computeIfAbsent(e.path("scenario").asText(), k -> new LinkedHashMap<>());
            for (JsonNode l : b.path("labels")) {
                Pool p = labels.computeIfAbsent(l.path("label").asText(), k -> new Pool());
                p.category = l.path("category").asText();
                p.connections += l.path("connections").asLong();
                p.alerted += l.path("alerted").asLong();
                p.own += l.path("own_category").asLong();
                p.seeds.add(e.path("seed").asLong());
                l.path("verdicts").fields().forEachRemaining(f -> p.verdicts.merge(f.getKey(), f.getValue().asLong(), Long::sum));
            }
        }
        StringBuilder sb = new StringBuilder("# ").append(model.substring(0, 1).toUpperCase(Locale.ROOT))
                .append(model.substring(1)).append(" on the lab corpus\n\n");
        sb.append("Generated ").append(generatedAt).append(" by\n\n```sh\n").append(commandLine).append("\n```\n\n")
                .append("Model: ").append(String.join(", ", models)).append(". No site baseline. Every recording was replayed through\n")
                .append("the pipeline and each connection matched to its truth, as `gatewatch evaluate --capture REC.pcap --truth\n")
                .append("REC.truth` does; a scenario's seeds are pooled. **Alerted**: any alert verdict (an attack category or\n")
                .append("anomaly): on normal traffic the false-alert rate, on an attack label the detection rate. **Own category**:\n")
                .append("alerted in the label's own category (anomaly is none). Verdicts: the three most frequent, `category/label`.\n")
                .append("A model trained on this corpus (the bundled one is) has seen every row below: these are in-sample\n")
                .append("figures. What it does on scenarios it never saw: `gatewatch train ... --cv 5` (the latest section of detector/RESULTS.md).\n\n")
                .append("| scenario | seeds | label | category | connections | alerted | alerted % | own category % | verdicts (top 3) |\n")
                .append("| --- | --- | --- | --- | ---: | ---: | ---: | ---: | --- |\n");
        // Normal scenarios first (the false-alert rates), then the attacks, each by name.
        List<String> order = byScenario.keySet().stream()
                .sorted(Comparator.comparing((String s) -> byScenario.get(s).values().stream().anyMatch(p -> !p.category.equals("normal")))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        order.forEach(scenario -> byScenario.get(scenario).forEach((label, p) -> {
            boolean normal = p.category.equals("normal");
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %,d | %,d | %.2f %% | %s | %s |%n", scenario,
                    p.seeds.stream().map(String::valueOf).collect(Collectors.joining(",")), label, p.category, p.connections,
                    p.alerted, pct(p.alerted, p.connections), normal ? "–" : String.format(Locale.ROOT, "%.2f %%",
                            pct(p.own, p.connections)), top3(p.verdicts)));
        }));
        return sb.toString();
    }

    private static double pct(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static String top3(Map<String, Long> verdicts) {
        return verdicts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}

package gatewatch.sensor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gatewatch.detector.eval.CaptureEvaluation;
import gatewatch.detector.eval.CaptureEvaluation.CaptureResult;
import gatewatch.detector.eval.LabelResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** The text and JSON of {@code evaluate --capture}. */
final class CaptureEvaluationText {
    private CaptureEvaluationText() {
    }

    static void print(PrintWriter o, CaptureEvaluation e, String trainingCommand) {
        o.printf(Locale.ROOT, "model %s (%s), site baseline %s%n", e.modelVersion(), trainingCommand,
                e.siteBaseline() == null ? "none" : e.siteBaseline());
        o.println("(alerted: any alert verdict, an attack category or anomaly: the false-alert rate on normal, the detection"
                + " rate on an attack label; own cat: alerted in the label's own category)");
        o.println();
        o.println("per capture");
        header(o, "capture");
        for (CaptureResult c : e.captures()) {
            String name = Path.of(c.capture()).getFileName().toString();
            for (LabelResult r : c.labels()) {
                row(o, name, r);
            }
            if (c.uncovered() > 0) {
                o.printf(Locale.ROOT, "%-28s %,d of %,d connections covered by no truth rule, counted in no label; first: %s%n",
                        name, c.uncovered(), c.connections(), String.join("; ", c.uncoveredExamples()));
            }
        }
        o.println();
        o.println("per label, all captures");
        header(o, "");
        for (LabelResult r : e.labels()) {
            row(o, "", r);
        }
        long connections = e.captures().stream().mapToLong(CaptureResult::connections).sum();
        o.printf(Locale.ROOT, "%,d connections in %d captures, %,d covered by no truth rule%n", connections,
                e.captures().size(), e.uncovered());
    }

    private static void header(PrintWriter o, String first) {
        o.printf(Locale.ROOT, "%-28s %-16s %-8s %11s %8s %8s %8s  %s%n", first, "label", "category", "connections", "alerted",
                "%", "own cat", "verdicts (top 3)");
    }

    private static void row(PrintWriter o, String first, LabelResult r) {
        o.println(String.format(Locale.ROOT, "%-28s %-16s %-8s %,11d %,8d %7.2f%% %8s  %s", first, r.label(), r.category(),
                r.connections(), r.alerted(), 100 * r.alertedShare(),
                r.normalTraffic() ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * r.ownCategoryShare()),
                r.topVerdicts(3)).stripTrailing());
    }

    static String json(CaptureEvaluation e, Path page) throws IOException {
        ObjectMapper mapper = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        ObjectNode node = mapper.valueToTree(e);
        node.put("uncovered", e.uncovered());
        if (page != null) {
            node.put("report", page.toString());
        }
        return mapper.writeValueAsString(node);
    }
}

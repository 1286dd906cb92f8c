package gatewatch.detector.report;

import gatewatch.detector.eval.CaptureEvaluation;
import gatewatch.detector.eval.CaptureEvaluation.CaptureResult;
import gatewatch.detector.eval.LabelResult;
import gatewatch.detector.io.ModelHeader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The HTML report of {@code evaluate --capture}: the page of {@link HtmlReport} with a per-label
 * table over all captures and one per capture (normal: the alert rate; an attack: detected, and
 * in its own category), instead of the KDD figures and curves a file of labelled rows gets.
 */
public final class CaptureReport {
    private CaptureReport() {
    }

    /** Writes {@code dir/index.html} (dir created if needed) and returns the page's path. */
    public static Path write(Path dir, CaptureEvaluation e, ModelHeader model) throws IOException {
        Files.createDirectories(dir);
        Path page = dir.resolve("index.html");
        Files.writeString(page, render(e, model), StandardCharsets.UTF_8);
        return page;
    }

    static String render(CaptureEvaluation e, ModelHeader model) {
        StringBuilder h = new StringBuilder();
        HtmlReport.head(h);
        h.append("<table>");
        HtmlReport.row(h, "model", model.modelVersion());
        HtmlReport.row(h, "trained by", model.trainingCommand());
        HtmlReport.row(h, "site baseline", e.siteBaseline() == null ? "none" : e.siteBaseline());
        HtmlReport.row(h, "captures", String.format(Locale.ROOT, "%,d", e.captures().size()));
        HtmlReport.row(h, "connections no truth rule covers", String.format(Locale.ROOT, "%,d", e.uncovered()));
        h.append("</table>");
        h.append("<p class=\"note\">Every connection of the captures went through the replay pipeline and was matched to"
                + " its truth (the first rule that covers it). Alerted: any alert verdict, an attack category or anomaly; on"
                + " normal that is the false-alert rate, on an attack label the detection rate. Own category: alerted in the"
                + " label's own category (anomaly is none). Attack labels detected below half the time are shaded.</p>");
        h.append("<h2>Per label, all captures</h2>");
        table(h, e.labels());
        h.append("<h2>Per capture</h2>");
        for (CaptureResult c : e.captures()) {
            h.append("<h3>").append(Html.escape(c.capture())).append("</h3><p class=\"note\">truth ")
                    .append(Html.escape(String.join(", ", c.truth())))
                    .append(String.format(Locale.ROOT, "; %,d connections, %,d covered by no rule", c.connections(), c.uncovered()));
            if (!c.uncoveredExamples().isEmpty()) {
                h.append(" (first: ").append(Html.escape(String.join("; ", c.uncoveredExamples()))).append(')');
            }
            h.append("</p>");
            table(h, c.labels());
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void table(StringBuilder h, List<LabelResult> labels) {
        if (labels.isEmpty()) {
            h.append("<p>No connection covered by the truth.</p>");
            return;
        }
        h.append("<table><tr><th class=\"l\">label</th><th class=\"l\">category</th><th>connections</th><th>alerted</th>"
                + "<th>alerted %</th><th>own category %</th><th class=\"l\">verdicts (top 3)</th></tr>");
        for (LabelResult r : labels) {
            h.append(!r.normalTraffic() && r.alertedShare() < 0.5 ? "<tr class=\"missed\">" : "<tr>");
            h.append(String.format(Locale.ROOT,
                    "<td class=\"l\">%s</td><td class=\"l\">%s</td><td>%,d</td><td>%,d</td><td>%s</td><td>%s</td><td class=\"l\">%s</td></tr>",
                    Html.escape(r.label()), Html.escape(r.category()), r.connections(), r.alerted(),
                    HtmlReport.pct(r.alertedShare()), r.normalTraffic() ? "–" : HtmlReport.pct(r.ownCategoryShare()),
                    Html.escape(r.topVerdicts(3))));
        }
        h.append("</table>");
    }
}

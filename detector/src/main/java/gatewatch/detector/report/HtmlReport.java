package gatewatch.detector.report;

import gatewatch.detector.encode.DetectorRow;
import gatewatch.detector.eval.CategoryMetrics;
import gatewatch.detector.eval.Evaluation;
import gatewatch.detector.eval.Evaluator;
import gatewatch.detector.eval.LabelMetrics;
import gatewatch.detector.io.ModelHeader;
import gatewatch.detector.model.Category;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code index.html}: one self-contained page (inline SVG, no scripts, no external files)
 * with the figures, every attack label's detection, the confusion matrix, ROC and precision-recall
 * curves, feature importance and the anomaly-score distribution of each actual category.
 */
public final class HtmlReport {
    private static final String[] COLORS = {"#2b8a3e", "#c92a2a", "#e67700", "#1971c2", "#862e9c"};

    private HtmlReport() {
    }

    /** Writes the report into {@code dir} (created if needed) and returns the page's path. */
    public static Path write(Path dir, Evaluator.Run run, ModelHeader model, List<String> testFiles) throws IOException {
        Files.createDirectories(dir);
        Path page = dir.resolve("index.html");
        Files.writeString(page, render(run, model, testFiles), StandardCharsets.UTF_8);
        return page;
    }

    static String render(Evaluator.Run run, ModelHeader model, List<String> testFiles) {
        Evaluation e = run.evaluation();
        StringBuilder h = new StringBuilder();
        head(h);
        h.append("<table>");
        row(h, "model", model.modelVersion());
        row(h, "trained by", model.trainingCommand());
        row(h, "trained on", model.createdAt() + ", gatewatch " + model.gatewatchVersion());
        row(h, "test files", String.join(", ", testFiles));
        row(h, "rows", String.format(Locale.ROOT, "%,d", e.rows()));
        row(h, "accuracy", pct(e.accuracy()));
        row(h, "cost per example", String.format(Locale.ROOT, "%.4f", e.costPerExample()));
        row(h, "ROC-AUC (attack vs normal)", area(e.rocAuc()));
        row(h, "PR-AUC (average precision)", area(e.prAuc()));
        row(h, "anomaly verdicts", String.format(Locale.ROOT, "%,d (%s)", e.anomalyVerdicts(), e.anomalyCounting()));
        h.append("</table>");

        h.append("<h2>Per category</h2><table><tr><th class=\"l\">category</th><th>rows</th><th>precision</th><th>recall</th><th>F1</th></tr>");
        for (CategoryMetrics c : e.perCategory()) {
            h.append(String.format(Locale.ROOT, "<tr><td class=\"l\">%s</td><td>%,d</td><td>%s</td><td>%s</td><td>%s</td></tr>",
                    c.category(), c.support(), pct(c.precision()), pct(c.recall()), pct(c.f1())));
        }
        h.append("</table>");
        perLabel(h, e);
        h.append("<div class=\"grid\">");
        figure(h, confusion(e), "Confusion matrix: rows are the actual category, columns the predicted one; shading is the share of the row.");
        figure(h, roc(run), "ROC curve, attack (any of dos, probe, r2l, u2r) against normal: the solid blue curve ranks by"
                + " 1 - p(normal), the dashed orange one by the anomaly score alone, the dotted grey one is chance. The"
                + " false-positive axis is logarithmic; rates below its left end, 0 included, are drawn on it.");
        figure(h, pr(run), "Precision-recall curve, attack against normal.");
        figure(h, importance(run.importance()), "Feature importance: the mean of the forest's and the boost's impurity decrease shares.");
        figure(h, anomalyDistribution(run), "Anomaly score of each actual category (share of that category's rows per bin); the dashed line is the model's anomaly threshold.");
        h.append("</div></body></html>\n");
        return h.toString();
    }

    /** The page's head, its style (shared by {@link CaptureReport}) and the title. */
    static void head(StringBuilder h) {
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>gatewatch evaluation</title><style>")
                .append("body{font-family:sans-serif;margin:24px;color:#222;max-width:1100px}")
                .append("table{border-collapse:collapse;margin:8px 0 18px}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}")
                .append("th{background:#f3f3f3}td.l,th.l{text-align:left}.grid{display:flex;flex-wrap:wrap;gap:18px}")
                .append("figure{margin:0}figcaption{font-size:13px;color:#555;max-width:520px}")
                .append("tr.missed td{background:#fff0f0}p.note{font-size:13px;color:#555;max-width:900px}</style></head><body>");
        h.append("<h1>gatewatch evaluation</h1>");
    }

    /** Every attack label: alerted at all, alerted in its category, and what it was taken for. */
    static void perLabel(StringBuilder h, Evaluation e) {
        h.append("<h2>Per attack label</h2>");
        if (e.perLabel().isEmpty()) {
            h.append("<p>The test rows hold no attack.</p>");
            return;
        }
        h.append("<p class=\"note\">Detected: given any alert verdict. Right category: counted in the label's own"
                + " category (").append(Html.escape(e.anomalyCounting())).append("). Labels detected below half the time"
                + " are shaded.</p>");
        h.append("<table><tr><th class=\"l\">label</th><th class=\"l\">category</th><th>rows</th><th>detected</th>"
                + "<th>right category</th><th class=\"l\">most often judged</th></tr>");
        for (Map.Entry<String, LabelMetrics> entry : e.perLabel().entrySet()) {
            LabelMetrics m = entry.getValue();
            h.append(m.detectedShare() < 0.5 ? "<tr class=\"missed\">" : "<tr>");
            h.append(String.format(Locale.ROOT,
                    "<td class=\"l\">%s</td><td class=\"l\">%s</td><td>%,d</td><td>%s</td><td>%s</td><td class=\"l\">%s (%,d)</td></tr>",
                    Html.escape(entry.getKey()), Html.escape(m.category()), m.rows(), pct(m.detectedShare()),
                    pct(m.rightCategoryShare()), Html.escape(m.topPredicted()), m.topPredictedRows()));
        }
        h.append("</table>");
    }

    static void row(StringBuilder h, String k, String v) {
        h.append("<tr><th class=\"l\">").append(Html.escape(k)).append("</th><td class=\"l\">").append(Html.escape(v)).append("</td></tr>");
    }

    private static void figure(StringBuilder h, String svg, String caption) {
        h.append("<figure>").append(svg).append("<figcaption>").append(Html.escape(caption)).append("</figcaption></figure>");
    }

    /** An area under a curve, or n/a when the test rows hold one class only. */
    private static String area(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f %%", 100 * v);
    }

    static String confusion(Evaluation e) {
        int n = Category.KDD_COUNT;
        int cell = 80;
        int left = 110;
        int top = 50;
        Svg s = new Svg(left + n * cell + 20, top + n * cell + 20, 0, 1, 0, 1);
        s.text(left + n * cell / 2.0, 16, "middle", "predicted");
        for (int c = 0; c < n; c++) {
            String name = e.categories().get(c);
            s.text(left + c * cell + cell / 2.0, top - 8, "middle", name);
            s.text(left - 10, top + c * cell + cell / 2.0 + 4, "end", name);
        }
        s.text(20, top - 8, "start", "actual");
        for (int a = 0; a < n; a++) {
            long total = Arrays.stream(e.confusion()[a]).sum();
            for (int p = 0; p < n; p++) {
                long v = e.confusion()[a][p];
                double share = total == 0 ? 0 : (double) v / total;
                String fill = a == p ? blend("#2b8a3e", share) : blend("#c92a2a", share);
                s.rect(left + p * cell, top + a * cell, cell, cell, fill);
                s.textColored(left + p * cell + cell / 2.0, top + a * cell + cell / 2.0, "middle", share > 0.55 ? "white" : "black",
                        String.format(Locale.ROOT, "%,d", v));
                s.textColored(left + p * cell + cell / 2.0, top + a * cell + cell / 2.0 + 14, "middle", share > 0.55 ? "white" : "#555",
                        String.format(Locale.ROOT, "%.1f%%", 100 * share));
            }
        }
        return s.toString();
    }

    /** {@code color} at intensity {@code t} over white. */
    private static String blend(String color, double t) {
        int r = Integer.parseInt(color.substring(1, 3), 16);
        int g = Integer.parseInt(color.substring(3, 5), 16);
        int b = Integer.parseInt(color.substring(5, 7), 16);
        double k = Math.sqrt(Math.max(0, Math.min(1, t)));
        return String.format("#%02x%02x%02x", (int) (255 + (r - 255) * k), (int) (255 + (g - 255) * k), (int) (255 + (b - 255) * k));
    }

    /**
     * The ROC curves on a log false-positive axis: a sensor lives at rates of 1e-4 to 1e-2, which a
     * linear axis squeezes into its first pixel. The axis starts at the power of ten at or below
     * one normal row's rate (the smallest rate above 0 the test rows can show), from 1e-6 to 1e-2.
     */
    static String roc(Evaluator.Run run) {
        double x0 = rocFloor(Arrays.stream(run.actual()).filter(c -> c == Category.NORMAL).count());
        Svg s = Svg.logX(460, 380, x0, 1, 0, 1).axes("false-positive rate (log scale)", "true-positive rate", 5);
        List<double[]> chance = new ArrayList<>();
        for (double x = x0; x < 1; x *= 1.25) {
            chance.add(new double[] {x, x});
        }
        chance.add(new double[] {1, 1});
        // The legend, with a sample of each line, in the top left corner, drawn first so that a
        // curve passing there stays on top of it.
        double lx = s.px(x0) + 8;
        double ly = s.py(1) + 6;
        s.panel(lx, ly, 160, 40);
        s.polyline(List.of(new double[] {s.x(lx + 6), s.y(ly + 14)}, new double[] {s.x(lx + 30), s.y(ly + 14)}), "#1971c2", 2.5);
        s.dashedPolyline(List.of(new double[] {s.x(lx + 6), s.y(ly + 30)}, new double[] {s.x(lx + 30), s.y(ly + 30)}), "#e67700",
                1.8, "6,4");
        s.textColored(lx + 36, ly + 18, "start", "#1971c2", "ensemble AUC " + area(run.attackCurves().rocAuc()));
        s.textColored(lx + 36, ly + 34, "start", "#e67700", "anomaly score AUC " + area(run.anomalyCurves().rocAuc()));
        s.dashedPolyline(chance, "#999", 1, "1,3");
        s.dashedPolyline(run.anomalyCurves().roc(), "#e67700", 1.8, "6,4");
        s.polyline(run.attackCurves().roc(), "#1971c2", 2.5);
        return s.toString();
    }

    /** The left end of the ROC's log axis for a test set with {@code normalRows} normal rows. */
    static double rocFloor(long normalRows) {
        if (normalRows <= 0) {
            return 1e-4;
        }
        double exponent = Math.floor(Math.log10(1.0 / normalRows) + 1e-9);
        return Math.pow(10, Math.max(-6, Math.min(-2, exponent)));
    }

    private static String pr(Evaluator.Run run) {
        Svg s = new Svg(460, 380, 0, 1, 0, 1).axes("recall", "precision", 5);
        s.polyline(run.attackCurves().pr(), "#1971c2", 2.5);
        s.textColored(s.px(0.1), s.py(0.1), "start", "#1971c2",
                "average precision " + area(run.attackCurves().prAuc()));
        return s.toString();
    }

    static String importance(double[] importance) {
        Integer[] order = new Integer[importance.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -importance[i]));
        int shown = Math.min(15, order.length);
        double max = importance[order[0]] > 0 ? importance[order[0]] : 1;
        int left = 190;
        int barH = 20;
        Svg s = new Svg(520, 30 + shown * barH, 0, 1, 0, 1);
        String[] names = DetectorRow.names();
        for (int k = 0; k < shown; k++) {
            int f = order[k];
            double w = (520 - left - 70) * importance[f] / max;
            double y = 10 + k * barH;
            s.text(left - 6, y + 14, "end", names[f]);
            s.rect(left, y + 2, Math.max(1, w), barH - 4, "#1971c2");
            s.text(left + w + 4, y + 14, "start", String.format(Locale.ROOT, "%.3f", importance[f]));
        }
        return s.toString();
    }

    private static String anomalyDistribution(Evaluator.Run run) {
        double[] scores = run.anomalyScores();
        double lo = Arrays.stream(scores).min().orElse(0);
        double hi = Arrays.stream(scores).max().orElse(1);
        lo = Math.min(lo, run.anomalyThreshold());
        hi = Math.max(hi, run.anomalyThreshold());
        lo = Math.floor(lo * 20) / 20;
        hi = Math.ceil(hi * 20) / 20;
        if (hi <= lo) {
            hi = lo + 0.05;
        }
        int bins = 40;
        int k = Category.KDD_COUNT;
        double[][] hist = new double[k][bins];
        long[] total = new long[k];
        for (int i = 0; i < scores.length; i++) {
            int c = run.actual()[i].ordinal();
            int b = (int) Math.min(bins - 1, Math.max(0, (scores[i] - lo) / (hi - lo) * bins));
            hist[c][b]++;
            total[c]++;
        }
        double ymax = 0;
        for (int c = 0; c < k; c++) {
            for (int b = 0; b < bins; b++) {
                hist[c][b] = total[c] == 0 ? 0 : hist[c][b] / total[c];
                ymax = Math.max(ymax, hist[c][b]);
            }
        }
        ymax = Math.ceil(ymax * 10) / 10;
        Svg s = new Svg(520, 380, lo, hi, 0, Math.max(0.1, ymax)).axes("anomaly score", "share of the category's rows", 5);
        for (int c = 0; c < k; c++) {
            if (total[c] == 0) {
                continue;
            }
            List<double[]> pts = new ArrayList<>();
            for (int b = 0; b < bins; b++) {
                double x = lo + (b + 0.5) * (hi - lo) / bins;
                pts.add(new double[] {x, hist[c][b]});
            }
            s.polyline(pts, COLORS[c], 2);
            s.textColored(s.px(hi) - 5, 34 + 14 * c, "end", COLORS[c],
                    String.format(Locale.ROOT, "%s (%,d)", Category.kdd(c).externalName(), total[c]));
        }
        s.dashedLine(run.anomalyThreshold(), 0, run.anomalyThreshold(), Math.max(0.1, ymax), "#000");
        s.text(s.px(run.anomalyThreshold()) + 4, 30, "start", String.format(Locale.ROOT, "threshold %.3f", run.anomalyThreshold()));
        return s.toString();
    }
}

package gatewatch.sensor.cli;

import gatewatch.detector.eval.BaselineComparison;
import java.io.PrintWriter;
import java.util.Locale;

/** The text of {@code gatewatch evaluate --compare-baselines}. */
final class BaselineComparisonText {
    private BaselineComparisonText() {
    }

    static void print(PrintWriter o, BaselineComparison.Result r) {
        o.printf(Locale.ROOT, "trained on %,d rows (%,d distinct normal rows for the baselines); tested on %,d rows (%,d attacks)%n",
                r.trainRows(), r.normalRows(), r.testRows(), r.testAttacks());
        o.printf(Locale.ROOT, "learn-normal settings: %s%n", r.learnConfig());
        o.printf(Locale.ROOT, "%-24s %8s %8s %8s %8s %8s %8s %8s %9s %8s %11s %10s%n", "model", "ROC-AUC", "PR-AUC", "detected",
                "dos", "probe", "r2l", "u2r", "false al.", "train s", "rows/s", "bytes");
        for (BaselineComparison.ModelResult m : r.models()) {
            double[] d = m.detectionByCategory();
            o.printf(Locale.ROOT, "%-24s %8s %8s %8s %8s %8s %8s %8s %9s %8s %11s %10s%n", m.model(), EvaluateCommand.area(m.rocAuc()),
                    EvaluateCommand.area(m.prAuc()), pct(m.detection()), pct(d[0]), pct(d[1]), pct(d[2]), pct(d[3]),
                    pct(m.falseAlerts()), Double.isNaN(m.trainSeconds()) ? "" : String.format(Locale.ROOT, "%.1f", m.trainSeconds()),
                    Double.isNaN(m.rowsPerSecond()) ? "" : String.format(Locale.ROOT, "%,.0f", m.rowsPerSecond()),
                    m.bytes() == 0 ? "" : String.format(Locale.ROOT, "%,d", m.bytes()));
        }
        double e = r.ensembleRowsPerSecond();
        o.printf(Locale.ROOT, "ensemble as trained (supervised + iforest, batches, no memo): %,.0f distinct rows per CPU second%n", e);
        double iforest = r.models().stream().filter(m -> m.model().equals("iforest")).mapToDouble(BaselineComparison.ModelResult::rowsPerSecond)
                .findFirst().orElse(Double.NaN);
        for (BaselineComparison.ModelResult m : r.models()) {
            if (!Double.isNaN(m.rowsPerSecond()) && !m.model().equals("iforest")) {
                // Costs per row add up: the ensemble's, less the forest's reference walk, plus the model's.
                o.printf(Locale.ROOT, "  with %s in place of iforest: about %,.0f rows/s; beside it: about %,.0f rows/s%n", m.model(),
                        1 / (1 / e - 1 / iforest + 1 / m.rowsPerSecond()), 1 / (1 / e + 1 / m.rowsPerSecond()));
            }
        }
        for (BaselineComparison.ModelResult m : r.models()) {
            if (!Double.isNaN(m.threshold()) && !m.model().contains("+")) {
                o.printf(Locale.ROOT, "%s: threshold %.6g; %s%n", m.model(), m.threshold(), m.detail());
            }
        }
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }
}

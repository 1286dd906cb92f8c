package gatewatch.sensor.cli;

import gatewatch.detector.train.GroupedCrossValidation;
import java.io.PrintWriter;
import java.util.Locale;

/** The text {@code train --cv K} prints when today's traffic is held out by group. */
final class GroupedCvTable {
    private GroupedCvTable() {
    }

    static void print(PrintWriter o, GroupedCrossValidation.Result cv, int folds, double seconds) {
        long normal = cv.groups().stream().mapToLong(GroupedCrossValidation.GroupResult::normalRows).sum();
        long alerted = cv.groups().stream().mapToLong(GroupedCrossValidation.GroupResult::normalAlerted).sum();
        long quiet = cv.groups().stream().filter(g -> g.normalRows() > 0 && g.normalAlertRate() <= 0.005).count();
        long withNormal = cv.groups().stream().filter(g -> g.normalRows() > 0).count();
        long caught = cv.groups().stream().filter(g -> g.attackRows() > 0 && g.detectionRate() >= 0.95).count();
        long withAttacks = cv.groups().stream().filter(g -> g.attackRows() > 0).count();
        o.printf(Locale.ROOT, "%d-fold cross-validation, every lab scenario and capture held out whole (%.0f s):%n", folds, seconds);
        if (!cv.kddFolds().isEmpty()) {
            o.printf(Locale.ROOT, "  KDD'99 rows held out: accuracy %.4f %%, cost %.4f per example (mean of folds)%n",
                    100 * cv.meanKddAccuracy(), cv.meanKddCost());
        }
        o.printf(Locale.ROOT, "  today's normal connections alerted: %,d of %,d (%.2f %%); groups at most 0.5 %%: %d of %d%n",
                alerted, normal, 100 * cv.pooledNormalAlertRate(), quiet, withNormal);
        o.printf(Locale.ROOT, "  attack groups detected at least 95 %%: %d of %d%n", caught, withAttacks);
        long normalAnomaly = cv.groups().stream().mapToLong(GroupedCrossValidation.GroupResult::normalAnomaly).sum();
        long attacks = cv.groups().stream().mapToLong(GroupedCrossValidation.GroupResult::attackRows).sum();
        long attackAnomaly = cv.groups().stream().mapToLong(GroupedCrossValidation.GroupResult::attackAnomaly).sum();
        o.printf(Locale.ROOT, "  judged an anomaly: %,d of the normal connections alerted; %,d of %,d attack connections%n",
                normalAnomaly, attackAnomaly, attacks);
        o.printf(Locale.ROOT, "  %-44s %4s %7s %8s %7s %8s %9s %9s %7s%n", "group", "fold", "normal", "alerted", "attacks",
                "detected", "detected%", "own cat%", "anomaly");
        for (GroupedCrossValidation.GroupResult g : cv.groups()) {
            o.printf(Locale.ROOT, "  %-44s %4d %7d %8d %7d %8d %9s %9s %7d%n", g.group(), g.fold() + 1, g.normalRows(),
                    g.normalAlerted(), g.attackRows(), g.attackDetected(), percent(g.attackDetected(), g.attackRows()),
                    percent(g.rightCategory(), g.attackRows()), g.normalAnomaly() + g.attackAnomaly());
        }
        o.flush();
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.2f", 100.0 * part / whole);
    }
}

package gatewatch.detector.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ROC and precision-recall curves of a binary ranking (attack = positive), with their areas.
 *
 * @param roc     points (false-positive rate, true-positive rate), thinned for plotting
 * @param pr      points (recall, precision), thinned for plotting
 * @param rocAuc  area under the ROC curve (ties handled as one step, i.e. trapezoids); NaN when
 *                all rows are of one class
 * @param prAuc   average precision: sum over thresholds of precision times the recall gained
 */
public record Curves(List<double[]> roc, List<double[]> pr, double rocAuc, double prAuc) {

    /** Computes both curves for {@code score} (higher = more likely positive). */
    public static Curves of(double[] score, boolean[] positive) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        long pos = 0;
        for (boolean p : positive) {
            if (p) {
                pos++;
            }
        }
        long neg = n - pos;
        List<double[]> roc = new ArrayList<>();
        List<double[]> pr = new ArrayList<>();
        roc.add(new double[] {0, 0});
        double auc = 0;
        double ap = 0;
        long tp = 0;
        long fp = 0;
        double lastFpr = 0;
        double lastTpr = 0;
        double lastRecall = 0;
        int i = 0;
        while (i < n) {
            double s = score[order[i]];
            while (i < n && score[order[i]] == s) {
                if (positive[order[i]]) {
                    tp++;
                } else {
                    fp++;
                }
                i++;
            }
            double tpr = pos == 0 ? 0 : (double) tp / pos;
            double fpr = neg == 0 ? 0 : (double) fp / neg;
            double precision = (double) tp / (tp + fp);
            auc += (fpr - lastFpr) * (tpr + lastTpr) / 2;
            ap += (tpr - lastRecall) * precision;
            if (fpr - lastFpr > 0.001 || tpr - lastTpr > 0.001 || i == n) {
                roc.add(new double[] {fpr, tpr});
                pr.add(new double[] {tpr, precision});
            }
            lastFpr = fpr;
            lastTpr = tpr;
            lastRecall = tpr;
        }
        // With only one class there is no ranking to judge: the areas are undefined, not 0.
        boolean defined = pos > 0 && neg > 0;
        return new Curves(roc, pr, defined ? auc : Double.NaN, defined ? ap : Double.NaN);
    }
}

package gatewatch.detector.eval;

import gatewatch.detector.data.LabelledData;
import gatewatch.detector.model.Assessment;
import gatewatch.detector.model.Category;
import gatewatch.detector.model.CostMatrix;
import gatewatch.detector.model.Ensemble;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Scores labelled rows with an ensemble and computes the KDD Cup figures. */
public final class Evaluator {
    private static final int C = Category.KDD_COUNT;

    private Evaluator() {
    }

    /** The figures plus what the HTML report draws. */
    public record Run(Evaluation evaluation, Curves attackCurves, Curves anomalyCurves, double[] anomalyScores,
            Category[] actual, double anomalyThreshold, double[] importance) {
    }

    public static Run run(Ensemble ensemble, LabelledData data) {
        Assessment[] a = ensemble.assess(data.features());
        int n = a.length;
        long[][] confusion = new long[C][C];
        double cost = 0;
        long correct = 0;
        long anomalies = 0;
        long[] anomalyByActual = new long[C];
        double[] attackScore = new double[n];
        double[] anomalyScore = new double[n];
        boolean[] attack = new boolean[n];
        for (int i = 0; i < n; i++) {
            int actual = data.categories()[i].ordinal();
            int counted = a[i].counted().ordinal();
            confusion[actual][counted]++;
            cost += CostMatrix.cost(actual, counted);
            if (actual == counted) {
                correct++;
            }
            if (a[i].verdict().category() == Category.ANOMALY) {
                anomalies++;
                anomalyByActual[actual]++;
            }
            attackScore[i] = a[i].attackProbability();
            anomalyScore[i] = a[i].verdict().anomalyScore();
            attack[i] = actual != Category.NORMAL.ordinal();
        }
        List<CategoryMetrics> per = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < C; c++) {
            long support = Arrays.stream(confusion[c]).sum();
            long predicted = 0;
            for (int r = 0; r < C; r++) {
                predicted += confusion[r][c];
            }
            double precision = predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
            double recall = support == 0 ? 0 : (double) confusion[c][c] / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            per.add(new CategoryMetrics(Category.kdd(c).externalName(), support, precision, recall, f1));
            names.add(Category.kdd(c).externalName());
        }
        Curves curves = Curves.of(attackScore, attack);
        Curves anomalyCurves = Curves.of(anomalyScore, attack);
        Evaluation e = new Evaluation(n, n == 0 ? 0 : (double) correct / n, n == 0 ? 0 : cost / n, names, confusion, per,
                PerLabel.of(data.labels(), data.categories(), a), curves.rocAuc(), curves.prAuc(), anomalies, anomalyByActual,
                Evaluation.ANOMALY_COUNTING, ensemble.modelVersion());
        return new Run(e, curves, anomalyCurves, anomalyScore, data.categories(), ensemble.payload().anomalyThreshold(),
                ensemble.payload().importance());
    }
}

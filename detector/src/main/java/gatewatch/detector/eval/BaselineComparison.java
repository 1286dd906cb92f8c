package gatewatch.detector.eval;

import gatewatch.detector.anomaly.IsolationBaseline;
import gatewatch.detector.anomaly.LearnNormalConfig;
import gatewatch.detector.anomaly.LearnNormalTrainer;
import gatewatch.detector.anomaly.NormalScorer;
import gatewatch.detector.data.Dedupe;
import gatewatch.detector.data.LabelledData;
import gatewatch.detector.encode.FeatureEncoder;
import gatewatch.detector.model.Assessment;
import gatewatch.detector.model.Category;
import gatewatch.detector.model.Ensemble;
import gatewatch.detector.train.TrainedModel;
import gatewatch.detector.train.Trainer;
import gatewatch.detector.train.TrainingConfig;
import gatewatch.detector.train.TrainingReport;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gatewatch evaluate --compare-baselines}: trains the ensemble on labelled rows, fits the
 * learn-normal models (one-class SVM, autoencoder) on the same normal rows the isolation forest
 * is fitted on, and scores labelled test rows with each model alone and with each in the
 * ensemble's place for the isolation forest.
 *
 * <p><b>A model in the ensemble</b> works as the isolation forest does there: the supervised
 * models decide; a row they call normal whose score is above the model's threshold is an
 * anomaly. Its ranking for ROC and PR is {@code max(s, u)}, where {@code s} puts the supervised
 * verdict first ({@code 0.5 + 0.5 p} for an attack verdict, {@code 0.5 p} for normal, with
 * {@code p = 1 - p(normal)}) and {@code u = logistic((score - threshold) / (threshold - median
 * normal training score))} is 0.5 at the threshold: cut at 0.5 the ranking gives exactly the
 * ensemble's alerts, and each side keeps each model's own order.
 */
public final class BaselineComparison {
    private static final int SPEED_ROWS = 50_000;

    private final TrainingConfig training;
    private final LearnNormalConfig learn;

    public BaselineComparison(TrainingConfig training, LearnNormalConfig learn) {
        this.training = training;
        this.learn = learn;
    }

    /**
     * One model, alone or in the ensemble.
     *
     * @param model             {@code supervised}, {@code iforest}, ..., {@code supervised+ocsvm}
     * @param rocAuc            attack vs normal
     * @param prAuc             average precision, attack = positive
     * @param detection         share of attack rows alerted at the model's threshold
     * @param detectionByCategory that share for dos, probe, r2l, u2r
     * @param falseAlerts       share of normal rows alerted
     * @param trainSeconds      wall time of fitting (threshold included)
     * @param rowsPerSecond     encoded rows scored per CPU second of one thread (best of five)
     * @param bytes             the compiled model, serialised
     * @param threshold         its threshold (NaN for the supervised models)
     * @param detail            what was chosen
     */
    public record ModelResult(String model, double rocAuc, double prAuc, double detection, double[] detectionByCategory,
            double falseAlerts, double trainSeconds, double rowsPerSecond, long bytes, double threshold, String detail) {
    }

    /**
     * The whole comparison.
     *
     * @param trainRows        training rows read
     * @param normalRows       distinct normal training rows the baselines learned from
     * @param testRows         test rows
     * @param testAttacks      of which attacks
     * @param models           each model alone, then each in the ensemble
     * @param ensembleRowsPerSecond the trained ensemble (supervised + isolation forest), distinct raw rows
     *                         per CPU second of one thread, batches, no memo
     * @param learnConfig      the learn-normal settings
     */
    public record Result(long trainRows, long normalRows, long testRows, long testAttacks, List<ModelResult> models,
            double ensembleRowsPerSecond, String learnConfig) {
    }

    public Result run(LabelledData train, LabelledData test) {
        TrainedModel trained = new Trainer(training).train(train, "gatewatch evaluate --compare-baselines");
        Ensemble ensemble = trained.ensemble();
        TrainingReport report = trained.report();
        FeatureEncoder encoder = ensemble.payload().encoder();
        LabelledData distinct = Dedupe.distinct(train);
        double[][] normal = encoder.encodeAll(rows(distinct, true));

        LearnNormalTrainer trainer = new LearnNormalTrainer(learn);
        LearnNormalTrainer.Split split = trainer.split(normal);
        List<LearnNormalTrainer.Fitted> baselines = new ArrayList<>();
        baselines.add(new LearnNormalTrainer.Fitted(new IsolationBaseline(ensemble.payload().baseline()),
                ensemble.payload().anomalyThreshold(), report.baselineSeconds(),
                "the ensemble's own: threshold from 5-fold out-of-fold scores of the normal rows"));
        baselines.add(trainer.oneClassSvm(split));
        baselines.add(trainer.autoencoder(split));

        Assessment[] assessed = ensemble.assess(test.features());
        int n = test.size();
        boolean[] attack = new boolean[n];
        boolean[] supervisedAlert = new boolean[n];
        double[] supervised = new double[n];
        double[] supervisedRank = new double[n];
        long attacks = 0;
        for (int i = 0; i < n; i++) {
            attack[i] = test.categories()[i] != Category.NORMAL;
            attacks += attack[i] ? 1 : 0;
            Category c = assessed[i].verdict().category();
            supervisedAlert[i] = c != Category.NORMAL && c != Category.ANOMALY;
            supervised[i] = assessed[i].attackProbability();
            supervisedRank[i] = supervisedAlert[i] ? 0.5 + 0.5 * supervised[i] : 0.5 * supervised[i];
        }
        double[][] testEncoded = encoder.encodeAll(test.features());
        double[][] speedRows = encoder.encodeAll(rows(Dedupe.distinct(test), false));
        if (speedRows.length > SPEED_ROWS) {
            speedRows = java.util.Arrays.copyOf(speedRows, SPEED_ROWS);
        }

        List<ModelResult> alone = new ArrayList<>();
        List<ModelResult> combined = new ArrayList<>();
        alone.add(result("supervised", supervised, supervisedAlert, attack, test.categories(),
                report.forestSeconds() + report.boostSeconds(), Double.NaN, Sizes.serialised(ensemble.payload().labelForest())
                        + Sizes.serialised(ensemble.payload().categoryBoost()),
                Double.NaN, "label forest + category boost, 1 - p(normal); alert = attack verdict"));
        for (LearnNormalTrainer.Fitted f : baselines) {
            NormalScorer s = f.scorer();
            double[] score = s.scoreAll(testEncoded);
            boolean[] alert = new boolean[n];
            for (int i = 0; i < n; i++) {
                alert[i] = score[i] > f.threshold();
            }
            double speed = Sizes.rowsPerSecond(s, speedRows);
            long bytes = Sizes.serialised(s instanceof IsolationBaseline ib ? ib.forest() : s);
            alone.add(result(s.name(), score, alert, attack, test.categories(), f.seconds(), speed, bytes, f.threshold(), f.detail()));
            double spread = Math.max(1e-12, f.threshold() - median(s.scoreAll(split.fit())));
            double[] rank = new double[n];
            boolean[] ensembleAlert = new boolean[n];
            for (int i = 0; i < n; i++) {
                double u = 1.0 / (1.0 + Math.exp(-(score[i] - f.threshold()) / spread));
                rank[i] = Math.max(supervisedRank[i], u);
                ensembleAlert[i] = supervisedAlert[i] || alert[i];
            }
            combined.add(result("supervised+" + s.name(), rank, ensembleAlert, attack, test.categories(), Double.NaN, Double.NaN, 0,
                    f.threshold(), "verdict: supervised attack, or normal and " + s.name() + " above its threshold"));
        }
        alone.addAll(combined);
        double ensembleSpeed = Sizes.ensembleRowsPerSecond(ensemble, rows(Dedupe.distinct(test), false), SPEED_ROWS);
        return new Result(train.size(), normal.length, n, attacks, alone, ensembleSpeed, learn.toString());
    }

    private static ModelResult result(String name, double[] score, boolean[] alert, boolean[] attack, Category[] actual,
            double seconds, double speed, long bytes, double threshold, String detail) {
        Curves c = Curves.of(score, attack);
        long attacks = 0;
        long normals = 0;
        long detected = 0;
        long falseAlerts = 0;
        long[] perRows = new long[Category.KDD_COUNT];
        long[] perDetected = new long[Category.KDD_COUNT];
        for (int i = 0; i < score.length; i++) {
            perRows[actual[i].ordinal()]++;
            if (attack[i]) {
                attacks++;
                if (alert[i]) {
                    detected++;
                    perDetected[actual[i].ordinal()]++;
                }
            } else {
                normals++;
                falseAlerts += alert[i] ? 1 : 0;
            }
        }
        double[] byCategory = new double[Category.KDD_COUNT - 1];
        for (int k = 1; k < Category.KDD_COUNT; k++) {
            byCategory[k - 1] = perRows[k] == 0 ? Double.NaN : (double) perDetected[k] / perRows[k];
        }
        return new ModelResult(name, c.rocAuc(), c.prAuc(), attacks == 0 ? Double.NaN : (double) detected / attacks, byCategory,
                normals == 0 ? Double.NaN : (double) falseAlerts / normals, seconds, speed, bytes, threshold, detail);
    }

    /** The raw rows of normal ({@code normal} true) or all of {@code data}. */
    private static double[][] rows(LabelledData data, boolean normalOnly) {
        return java.util.stream.IntStream.range(0, data.size())
                .filter(i -> !normalOnly || data.categories()[i] == Category.NORMAL).mapToObj(i -> data.features()[i])
                .toArray(double[][]::new);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }
}

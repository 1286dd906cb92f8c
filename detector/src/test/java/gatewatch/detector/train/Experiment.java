package gatewatch.detector.train;

import gatewatch.detector.data.AttackTaxonomy;
import gatewatch.detector.data.Dedupe;
import gatewatch.detector.data.KddLoader;
import gatewatch.detector.data.LabelledData;
import gatewatch.detector.data.UnknownSymbolPolicy;
import gatewatch.detector.eval.Evaluation;
import gatewatch.detector.eval.Evaluator;
import java.nio.file.Path;
import java.util.List;

/**
 * A command-line harness for the numbers in RESULTS.md (not a unit test):
 * {@code Experiment cv TRAIN FOLDS [forest boost iso]} or {@code Experiment test TRAIN TEST [forest boost iso]}.
 */
public final class Experiment {
    public static void main(String[] args) throws Exception {
        KddLoader loader = new KddLoader(AttackTaxonomy.builtIn(), UnknownSymbolPolicy.FAIL);
        LabelledData train = loader.load(List.of(Path.of(args[1]))).data();
        TrainingConfig config = TrainingConfig.defaults();
        if (args.length > 5) {
            config = config.withTrees(Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        }
        TrainingConfig c = config;
        config = new TrainingConfig(c.seed(), c.dedupe(), c.forestTrees(), c.forestMaxDepth(), c.forestMaxNodes(),
                c.forestNodeSize(), c.boostTrees(), c.boostMaxDepth(), c.boostMaxNodes(), c.boostShrinkage(),
                c.boostSubsample(), c.isolationTrees(), c.isolationSample(), c.isolationMaxDepth(),
                Double.parseDouble(System.getProperty("gw.quantile", "" + c.anomalyQuantile())), c.thresholdFolds(),
                Double.parseDouble(System.getProperty("gw.forestWeight", "" + c.forestWeight())),
                Boolean.parseBoolean(System.getProperty("gw.costSensitive", "" + c.costSensitive())),
                Integer.parseInt(System.getProperty("gw.cap", "" + c.classWeightCap())), c.todayNormalWeight(),
                c.todayAttackWeight(), c.alertFloor(), c.volumeMinimum());
        System.out.println("config " + config);
        long t0 = System.nanoTime();
        if (args[0].equals("select")) {
            select(config, Dedupe.distinct(train), Integer.parseInt(args[2]));
        } else if (args[0].equals("cv")) {
            CrossValidation.Result r = new CrossValidation(config, Integer.parseInt(args[2])).run(train);
            for (Evaluation e : r.folds()) {
                System.out.println(line(e));
            }
            System.out.printf("CV mean accuracy %.5f cost %.5f (%.0f s)%n", r.meanAccuracy(), r.meanCost(), (System.nanoTime() - t0) / 1e9);
        } else {
            TrainedModel m = new Trainer(config).train(train, "experiment");
            System.out.println(m.report() + " total " + (System.nanoTime() - t0) / 1e9 + " s");
            LabelledData test = loader.load(List.of(Path.of(args[2]))).data();
            Evaluation e = Evaluator.run(m.ensemble(), test).evaluation();
            System.out.println(line(e));
            System.out.println(java.util.Arrays.deepToString(e.confusion()));
            System.out.println("anomaly verdicts " + e.anomalyVerdicts() + " by actual " + java.util.Arrays.toString(e.anomalyByActual()));
        }
    }

    /**
     * Model selection: for both protocols, each fold is fitted once at the largest sizes (and once
     * more with a faster-learning boost), and every smaller configuration is assembled from those
     * fits and scored on the fold. One tab-separated line per (protocol, fold, configuration).
     */
    static void select(TrainingConfig base, LabelledData data, int folds) {
        int[] forestSizes = {10, 20, 30, 50};
        int[] isoSizes = {32, 64};
        double[] quantiles = {0.99, 0.995, 0.999};
        double[][] boosts = {{0.1, 10, 20, 40}, {0.3, 5, 10, 20}}; // shrinkage, then round counts
        System.out.println("protocol\tfold\tforest\tshrinkage\trounds\tiso\tquantile\trows\taccuracy\tcost\trecall_normal"
                + "\trecall_dos\trecall_probe\trecall_r2l\trecall_u2r\tanomalies");
        for (CrossValidation.Protocol protocol : CrossValidation.Protocol.values()) {
            int[] fold = new CrossValidation(base, folds, protocol).assignFolds(data);
            for (int f = 0; f < folds; f++) {
                if ((protocol + ":" + f).matches(System.getProperty("gw.skip", "-"))) {
                    continue;
                }
                LabelledData trainRows = data.select(CrossValidation.trainRows(fold, f));
                LabelledData testRows = data.select(CrossValidation.testRows(fold, f));
                for (double[] boost : boosts) {
                    int maxRounds = (int) boost[boost.length - 1];
                    TrainingConfig fitConfig = with(base, 50, boost[0], maxRounds, 64, base.anomalyQuantile());
                    Trainer trainer = new Trainer(fitConfig);
                    long t = System.nanoTime();
                    Trainer.Fitted fitted = trainer.fit(trainRows);
                    System.err.printf("%s fold %d shrinkage %.1f fitted in %.0f s%n", protocol, f, boost[0], (System.nanoTime() - t) / 1e9);
                    java.util.List<TrainingConfig> grid = new java.util.ArrayList<>();
                    for (int fs : forestSizes) {
                        for (int b = 1; b < boost.length; b++) {
                            for (int is : isoSizes) {
                                for (double q : quantiles) {
                                    grid.add(with(base, fs, boost[0], (int) boost[b], is, q));
                                }
                            }
                        }
                    }
                    String[] lines = new String[grid.size()];
                    int fold0 = f;
                    try (java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(2)) {
                        pool.submit(() -> java.util.stream.IntStream.range(0, grid.size()).parallel().forEach(g -> {
                            TrainingConfig c = grid.get(g);
                            Evaluation e = Evaluator.run(trainer.assemble(fitted, c, "select", false).ensemble(), testRows)
                                    .evaluation();
                            StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT,
                                    "%s\t%d\t%d\t%.1f\t%d\t%d\t%.3f\t%d\t%.5f\t%.5f", protocol, fold0, c.forestTrees(),
                                    c.boostShrinkage(), c.boostTrees(), c.isolationTrees(), c.anomalyQuantile(), e.rows(),
                                    e.accuracy(), e.costPerExample()));
                            e.perCategory().forEach(cm -> sb.append(String.format(java.util.Locale.ROOT, "\t%.4f", cm.recall())));
                            sb.append('\t').append(e.anomalyVerdicts());
                            lines[g] = sb.toString();
                        })).get();
                    } catch (InterruptedException | java.util.concurrent.ExecutionException ex) {
                        throw new IllegalStateException(ex);
                    }
                    for (String l : lines) {
                        System.out.println(l);
                    }
                    System.out.flush();
                }
            }
        }
    }

    static TrainingConfig with(TrainingConfig c, int forest, double shrinkage, int rounds, int iso, double quantile) {
        return new TrainingConfig(c.seed(), c.dedupe(), forest, c.forestMaxDepth(), c.forestMaxNodes(), c.forestNodeSize(), rounds,
                c.boostMaxDepth(), c.boostMaxNodes(), shrinkage, c.boostSubsample(), iso, c.isolationSample(),
                c.isolationMaxDepth(), quantile, c.thresholdFolds(), c.forestWeight(), c.costSensitive(), c.classWeightCap(),
                c.todayNormalWeight(), c.todayAttackWeight(), c.alertFloor(), c.volumeMinimum());
    }

    static String line(Evaluation e) {
        StringBuilder sb = new StringBuilder(String.format("rows %d acc %.5f cost %.5f roc %.5f pr %.5f recall", e.rows(), e.accuracy(),
                e.costPerExample(), e.rocAuc(), e.prAuc()));
        e.perCategory().forEach(c -> sb.append(String.format(" %s=%.4f", c.category(), c.recall())));
        return sb.toString();
    }
}

package gatewatch.detector.train;

import gatewatch.detector.data.AttackTaxonomy;
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
                Integer.parseInt(System.getProperty("gw.cap", "" + c.classWeightCap())));
        System.out.println("config " + config);
        long t0 = System.nanoTime();
        if (args[0].equals("cv")) {
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

    static String line(Evaluation e) {
        StringBuilder sb = new StringBuilder(String.format("rows %d acc %.5f cost %.5f roc %.5f pr %.5f recall", e.rows(), e.accuracy(),
                e.costPerExample(), e.rocAuc(), e.prAuc()));
        e.perCategory().forEach(c -> sb.append(String.format(" %s=%.4f", c.category(), c.recall())));
        return sb.toString();
    }
}

package gatewatch.sensor.cli;

import gatewatch.detector.data.AttackTaxonomy;
import gatewatch.detector.data.KddLoader;
import gatewatch.detector.data.LabelledData;
import gatewatch.detector.data.UnknownSymbolPolicy;
import gatewatch.detector.io.ModelFile;
import gatewatch.detector.model.Ensemble;
import gatewatch.detector.model.ModelPayload;
import gatewatch.detector.train.CrossValidation;
import gatewatch.detector.train.GroupedCrossValidation;
import gatewatch.detector.train.TrainedModel;
import gatewatch.detector.train.Trainer;
import gatewatch.detector.train.TrainingConfig;
import gatewatch.detector.train.TrainingProgress;
import gatewatch.detector.train.TrainingReport;
import gatewatch.detector.train.TrainingSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gatewatch train --data FILE... --out MODEL}: trains the ensemble on KDD'99 or NSL-KDD
 * files and writes a model file.
 *
 * <p>Errors are exceptions with a one-line message: {@link ParameterException} for bad usage
 * (exit 2), {@link IOException} for an input file that cannot be read (exit 3), anything else
 * (exit 1), as the command-line exit-code mapper translates them.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains the detector ensemble on labelled KDD'99 or NSL-KDD files (gzip or plain), "
                + "and on today's traffic (lab corpus, captures of normal traffic), and writes a model file.")
public class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Labelled training files: kddcup.data*, KDDTrain+.txt (gzip or plain).")
    List<Path> data;

    @Option(names = "--lab", arity = "1..*", paramLabel = "FILE|DIR",
            description = "Labelled records of today's traffic, weighted apart from --data: lab corpus files "
                    + "(SCENARIO-sSEED.data.gz) or a directory of them (docs/LAB.md).")
    List<Path> lab = List.of();

    @Option(names = "--exclude-lab", arity = "1..*", paramLabel = "SCENARIO",
            description = "Leave the corpus files of these lab scenarios out of training and cross-validation "
                    + "(the bundled model's command says which and docs/DETECTOR.md why).")
    List<String> excludeLab = List.of();

    @Option(names = "--normal-capture", arity = "1..*", paramLabel = "CAPTURE|DIR",
            description = "Captures of normal traffic only (a directory: its capture files): every connection is a normal row of today's traffic.")
    List<Path> normalCaptures = List.of();

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "The model file to write.")
    Path out;

    @Option(names = "--attack-types", paramLabel = "FILE",
            description = "Extra 'attack category' lines (training_attack_types format) on top of the built-in table.")
    Path attackTypes;

    @Option(names = "--skip-unknown-symbols",
            description = "Skip (and count) rows with an unknown protocol, service or flag instead of stopping.")
    boolean skipUnknownSymbols;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed = TrainingConfig.defaults().seed();

    @Option(names = "--today-normal-weight", paramLabel = "N",
            description = "How many KDD'99 rows each distinct normal row of --lab and --normal-capture counts as "
                    + "(default: ${DEFAULT-VALUE}).")
    int todayNormalWeight = TrainingConfig.defaults().todayNormalWeight();

    @Option(names = "--today-attack-weight", paramLabel = "N",
            description = "The same for each distinct attack row of --lab (default: ${DEFAULT-VALUE}).")
    int todayAttackWeight = TrainingConfig.defaults().todayAttackWeight();

    @Option(names = "--alert-floor", paramLabel = "P",
            description = "Least combined attack posterior of an attack verdict without attack evidence "
                    + "(default: ${DEFAULT-VALUE}).")
    double alertFloor = TrainingConfig.defaults().alertFloor();

    @Option(names = "--volume-minimum", paramLabel = "N",
            description = "Connections in the 2-second window that a verdict of a label seen only in volume needs; "
                    + "0 for none (default: ${DEFAULT-VALUE}).")
    int volumeMinimum = TrainingConfig.defaults().volumeMinimum();

    @Option(names = "--forest-trees", paramLabel = "N",
            description = "Trees of the label forest (default: ${DEFAULT-VALUE}).")
    int forestTrees = TrainingConfig.defaults().forestTrees();

    @Option(names = "--boost-trees", paramLabel = "N",
            description = "Trees per category of the category boost (default: ${DEFAULT-VALUE}).")
    int boostTrees = TrainingConfig.defaults().boostTrees();

    @Option(names = "--forest-weight", paramLabel = "W",
            description = "Share of the label forest in the category posterior; the category boost gets the rest "
                    + "(default: ${DEFAULT-VALUE}).")
    double forestWeight = TrainingConfig.defaults().forestWeight();

    @Option(names = "--anomaly-quantile", paramLabel = "Q",
            description = "The anomaly threshold: this quantile of the isolation scores of normal rows held out from the "
                    + "isolation forest, taken in KDD'99's and in today's normal rows apart, the higher; at least the same "
                    + "quantile of the shipped forest's own scores of them (default: ${DEFAULT-VALUE}).")
    double anomalyQuantile = TrainingConfig.defaults().anomalyQuantile();

    @Option(names = "--isolation-trees", paramLabel = "N",
            description = "Trees of the isolation forest (default: ${DEFAULT-VALUE}).")
    int isolationTrees = TrainingConfig.defaults().isolationTrees();

    @Option(names = "--cv", paramLabel = "K",
            description = "Also report K-fold cross-validation on the training data (the model is still trained on all of it): "
                    + "with --lab or --normal-capture, each lab scenario and each capture is held out whole.")
    int folds;

    @Mixin
    DebugOption debug;

    @Option(names = "--progress",
            description = "Report the stages and the trees as they are built on stderr even when it is not a terminal (on a terminal they always are).")
    boolean progress;

    public TrainCommand() {
    }

    @Override
    public Integer call() throws Exception {
        try {
            return train();
        } catch (OutOfMemoryError e) {
            // The launcher caps train's heap (1 GB) so that it does not grow to several GB because it
            // can; data much larger than kddcup.data_10_percent needs more, which the user can give.
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "out of memory training on %s with a heap of at most %,d MB; give it more with GATEWATCH_JAVA_OPTS=-Xmx4g",
                    String.join(" ", data.stream().map(Path::toString).toList()), Runtime.getRuntime().maxMemory() >> 20), e);
        }
    }

    private int train() throws IOException {
        Quiet.smileLogs();
        if (folds == 1 || folds < 0) {
            throw new ParameterException(spec.commandLine(), "--cv needs at least 2 folds, got " + folds);
        }
        TrainingConfig config = config();
        PrintWriter o = spec.commandLine().getOut();
        TrainingProgress report = TrainProgress.of(spec.commandLine().getErr(), progress);
        report.stage(TrainingProgress.Stage.READ, 0);
        KddLoader loader = new KddLoader(taxonomy(), skipUnknownSymbols ? UnknownSymbolPolicy.SKIP : UnknownSymbolPolicy.FAIL);
        KddLoader.Result loaded = loader.load(data);
        LabelledData rows = loaded.data();
        if (rows.size() == 0) {
            throw new ParameterException(spec.commandLine(), "no rows in " + data);
        }
        List<TrainingSource> sources = new java.util.ArrayList<>();
        sources.add(TrainingSource.kdd(rows));
        sources.addAll(TodaySources.lab(lab, java.util.Set.copyOf(excludeLab), loader, spec.commandLine().getErr()));
        sources.addAll(TodaySources.normalCaptures(normalCaptures, spec.commandLine().getErr()));
        if (folds >= 2 && sources.size() > 1) {
            long t = System.nanoTime();
            GroupedCrossValidation.Result cv = new GroupedCrossValidation(config, folds).run(sources);
            GroupedCvTable.print(o, cv, folds, (System.nanoTime() - t) / 1e9);
        } else if (folds >= 2) {
            long t = System.nanoTime();
            CrossValidation.Result cv = new CrossValidation(config, folds).run(rows);
            o.printf(Locale.ROOT, "%d-fold cross-validation: accuracy %.4f %%, cost %.4f per example (%.0f s)%n", folds,
                    100 * cv.meanAccuracy(), cv.meanCost(), (System.nanoTime() - t) / 1e9);
        }
        long t0 = System.nanoTime();
        TrainedModel m = new Trainer(config, report).train(sources, "gatewatch train " + String.join(" ", recordedArgs()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Ensemble e = m.ensemble();
        try {
            ModelFile.write(out, e.header(), e.payload());
        } catch (IOException ex) {
            throw new IllegalStateException("cannot write the model to " + out + ": " + ex.getMessage(), ex);
        }
        TrainingReport r = m.report();
        o.printf(Locale.ROOT, "trained %s in %.1f s on %,d rows (%,d distinct, %,d normal, %d labels%s)%n", e.modelVersion(), seconds,
                r.rowsRead(), r.rowsUsed(), r.normalRows(), r.labels(),
                loaded.skippedUnknownSymbol() > 0 ? ", " + loaded.skippedUnknownSymbol() + " rows skipped for unknown symbols" : "");
        o.printf(Locale.ROOT, "  label forest %.1f s, category boost %.1f s, baseline %.1f s; anomaly threshold %.4f%n",
                r.forestSeconds(), r.boostSeconds(), r.baselineSeconds(), r.anomalyThreshold());
        String volume = volumeLabels(e.payload());
        if (!volume.isEmpty()) {
            o.printf(Locale.ROOT, "  labels believed only with volume in the 2-second window: %s%n", volume);
        }
        o.printf(Locale.ROOT, "wrote %s (%,d bytes)%n", out, Files.size(out));
        o.flush();
        return 0;
    }

    /** The arguments the model records: those that shape it, so not {@code --progress}. */
    private List<String> recordedArgs() {
        return OwnArgs.of(spec).stream().filter(a -> !a.equals("--progress")).toList();
    }

    private AttackTaxonomy taxonomy() throws IOException {
        return attackTypes == null ? AttackTaxonomy.builtIn() : AttackTaxonomy.builtIn().withFile(attackTypes);
    }

    /** Smile logs a line per tree at INFO; the training output says what matters. */
    static final class Quiet {
        private Quiet() {
        }

        static void smileLogs() {
            if (LoggerFactory.getLogger("smile") instanceof ch.qos.logback.classic.Logger smile) {
                smile.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    /** The training configuration of the options, checked before any data is read. */
    private TrainingConfig config() {
        try {
            return TrainingConfig.defaults().withSeed(seed).withToday(todayNormalWeight, todayAttackWeight, alertFloor)
                    .withVolumeMinimum(volumeMinimum).withTrees(forestTrees, boostTrees, isolationTrees)
                    .withForestWeight(forestWeight).withAnomalyQuantile(anomalyQuantile);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "--today-normal-weight %d, --today-attack-weight %d, --alert-floor %s, --volume-minimum %d, "
                            + "--forest-trees %d, --boost-trees %d, --isolation-trees %d, --forest-weight %s, --anomaly-quantile %s: %s",
                    todayNormalWeight, todayAttackWeight, alertFloor, volumeMinimum, forestTrees, boostTrees,
                    isolationTrees, forestWeight, anomalyQuantile, e.getMessage()));
        }
    }

    /** "smurf, neptune (at least 20)": the labels whose verdicts need a window with volume. */
    private static String volumeLabels(ModelPayload p) {
        if (p.labelVolume() == null) {
            return "";
        }
        List<String> names = new java.util.ArrayList<>();
        int minimum = 0;
        for (int l = 0; l < p.labelVolume().length; l++) {
            if (p.labelVolume()[l] > 0) {
                names.add(p.labelNames()[l]);
                minimum = p.labelVolume()[l];
            }
        }
        return names.isEmpty() ? "" : String.join(", ", names) + " (at least " + minimum + " connections)";
    }
}

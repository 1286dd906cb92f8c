package gatewatch.sensor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gatewatch.detector.data.AttackTaxonomy;
import gatewatch.detector.data.KddLoader;
import gatewatch.detector.data.LabelledData;
import gatewatch.detector.data.UnknownSymbolPolicy;
import gatewatch.detector.eval.CategoryMetrics;
import gatewatch.detector.eval.Evaluation;
import gatewatch.detector.eval.Evaluator;
import gatewatch.detector.model.Ensemble;
import gatewatch.detector.eval.CaptureEvaluation;
import gatewatch.detector.report.CaptureReport;
import gatewatch.detector.report.HtmlReport;
import gatewatch.sensor.evaluate.CaptureEvaluator;
import gatewatch.sensor.evaluate.CapturePairs;
import gatewatch.sensor.evaluate.EvaluationInputException;
import gatewatch.sensor.evaluate.LabelledCapture;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gatewatch evaluate --test FILE... | --capture FILE... [--truth FILE...] [--model MODEL]
 * [--site-baseline B] [--json] [--report DIR]}. With {@code --test}: scores a
 * labelled KDD'99 / NSL-KDD file and prints accuracy, KDD cost per example, per-category
 * precision/recall/F1, every attack label's detection (alerted at all, alerted in its category, the
 * verdict it got most often), the 5x5 confusion matrix and attack-vs-normal ROC-AUC and PR-AUC.
 *
 * <p>With {@code --capture}: replays labelled captures through the pipeline, as {@code replay} does,
 * and counts each connection's verdict under its truth label, per capture and over all of them
 * ({@link CaptureEvaluator}; docs/TRUTH.md).
 *
 * <p>With {@code --compare-baselines --train FILE...}: trains its own ensemble on the training files
 * and compares the learn-normal models (isolation forest, one-class SVM, autoencoder) alone and in
 * the ensemble on the {@code --test} files ({@link BaselineComparisonRun}).
 *
 * <p>Without {@code --model} the bundled model is used. Errors as in {@link TrainCommand}.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Scores labelled KDD'99 or NSL-KDD files with a model and reports accuracy, cost, per-category and per-attack-label figures, the confusion matrix and ROC/PR areas;",
            "or (--capture) replays labelled captures and reports, per capture and per truth label, the alert rate on normal and the detection of each attack label."})
public class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--test", arity = "1..*", paramLabel = "FILE",
            description = "Labelled test files, e.g. corrected.gz (gzip or plain).")
    List<Path> test;

    @Option(names = "--capture", arity = "1..*", paramLabel = "FILE",
            description = "Captures to replay and judge against their truth; a directory (as lab record writes it) stands for its .pcap files.")
    List<Path> capture;

    @Option(names = "--truth", arity = "1..*", paramLabel = "FILE",
            description = "The truth of each --capture, paired by order (default: the .truth file beside each capture).")
    List<Path> truth;

    @Option(names = "--site-baseline", paramLabel = "FILE", description = "With --capture: a site baseline from 'gatewatch learn' for the model.")
    Path siteBaseline;

    @Option(names = "--model", paramLabel = "MODEL", description = "Model file (default: the bundled model).")
    Path model;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write an HTML report (DIR/index.html).")
    Path report;

    @Option(names = "--attack-types", paramLabel = "FILE",
            description = "Extra 'attack category' lines on top of the built-in table (which knows the test-only attacks).")
    Path attackTypes;

    @Option(names = "--skip-unknown-symbols", description = "Skip (and count) rows with an unknown protocol, service or flag.")
    boolean skipUnknownSymbols;

    @Option(names = "--compare-baselines",
            description = "With --test and --train: train the ensemble on the --train files, fit the learn-normal models (isolation forest, one-class SVM, autoencoder) on their normal rows, and compare them alone and in the ensemble on the --test files.")
    boolean compareBaselines;

    @Option(names = "--train", arity = "1..*", paramLabel = "FILE", description = "With --compare-baselines: labelled training files.")
    List<Path> train;

    @Mixin
    DebugOption debug;

    public EvaluateCommand() {
    }

    @Override
    public Integer call() throws Exception {
        if ((test == null) == (capture == null)) {
            throw new UsageException("give either --test (labelled KDD files) or --capture (captures with their truth)");
        }
        if (capture != null) {
            return captures();
        }
        if (truth != null || siteBaseline != null) {
            throw new UsageException("--truth and --site-baseline go with --capture");
        }
        if (compareBaselines != (train != null)) {
            throw new UsageException("--compare-baselines and --train go together");
        }
        if (compareBaselines) {
            return BaselineComparisonRun.run(spec, this::loader, train, test, model != null || report != null || json);
        }
        Ensemble ensemble = Models.load(model);
        LabelledData data = loader().load(test).data();
        if (data.size() == 0) {
            throw new ParameterException(spec.commandLine(), "no rows in " + test);
        }
        Evaluator.Run run = Evaluator.run(ensemble, data);
        Path page = null;
        if (report != null) {
            try {
                page = HtmlReport.write(report, run, ensemble.header(), test.stream().map(Path::toString).toList());
            } catch (IOException e) {
                throw new IllegalStateException("cannot write the report to " + report + ": " + e.getMessage(), e);
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(toJson(run.evaluation(), test, page));
        } else {
            printText(o, run.evaluation(), ensemble);
            if (page != null) {
                o.println("report: " + page);
            }
        }
        o.flush();
        return 0;
    }

    private KddLoader loader() throws IOException {
        AttackTaxonomy taxonomy = attackTypes == null ? AttackTaxonomy.builtIn() : AttackTaxonomy.builtIn().withFile(attackTypes);
        return new KddLoader(taxonomy, skipUnknownSymbols ? UnknownSymbolPolicy.SKIP : UnknownSymbolPolicy.FAIL);
    }

    private int captures() throws IOException {
        List<LabelledCapture> inputs;
        try {
            inputs = CapturePairs.pair(capture, truth);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Ensemble ensemble = Models.load(model, siteBaseline);
        CaptureEvaluation e;
        try {
            e = new CaptureEvaluator(ensemble, siteBaseline == null ? null : siteBaseline.toString()).evaluate(inputs);
        } catch (EvaluationInputException ex) {
            throw new UnreadableInputException(ex.getMessage(), ex);
        }
        Path page = null;
        if (report != null) {
            try {
                page = CaptureReport.write(report, e, ensemble.header());
            } catch (IOException ex) {
                throw new IllegalStateException("cannot write the report to " + report + ": " + ex.getMessage(), ex);
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(CaptureEvaluationText.json(e, page));
        } else {
            CaptureEvaluationText.print(o, e, ensemble.header().trainingCommand());
            if (page != null) {
                o.println("report: " + page);
            }
        }
        o.flush();
        return ExitCodes.OK;
    }

    static String toJson(Evaluation e, List<Path> files, Path page) throws IOException {
        ObjectMapper mapper = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        ObjectNode node = mapper.valueToTree(e);
        for (String area : new String[] {"roc_auc", "pr_auc"}) {
            if (node.path(area).isNumber() && Double.isNaN(node.path(area).asDouble())) {
                node.putNull(area); // one class only: no area (JSON has no NaN)
            }
        }
        node.putPOJO("test_files", files.stream().map(Path::toString).toList());
        if (page != null) {
            node.put("report", page.toString());
        }
        return mapper.writeValueAsString(node);
    }

    /** An area under a curve, or n/a when the test rows hold one class only. */
    static String area(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static void printText(PrintWriter o, Evaluation e, Ensemble ensemble) {
        o.printf(Locale.ROOT, "model %s (%s)%n", e.modelVersion(), ensemble.header().trainingCommand());
        o.printf(Locale.ROOT, "rows %,d  accuracy %.2f %%  cost %.4f per example  ROC-AUC %s  PR-AUC %s%n", e.rows(),
                100 * e.accuracy(), e.costPerExample(), area(e.rocAuc()), area(e.prAuc()));
        o.printf(Locale.ROOT, "%-9s %9s %10s %8s %8s%n", "category", "rows", "precision", "recall", "F1");
        for (CategoryMetrics c : e.perCategory()) {
            o.printf(Locale.ROOT, "%-9s %,9d %9.2f%% %7.2f%% %7.2f%%%n", c.category(), c.support(), 100 * c.precision(),
                    100 * c.recall(), 100 * c.f1());
        }
        if (!e.perLabel().isEmpty()) {
            o.printf(Locale.ROOT, "%-16s %-8s %9s %9s %9s  %s%n", "label", "category", "rows", "detected", "right cat",
                    "most often judged");
            e.perLabel().forEach((label, m) -> o.printf(Locale.ROOT, "%-16s %-8s %,9d %8.2f%% %8.2f%%  %s (%,d)%n", label,
                    m.category(), m.rows(), 100 * m.detectedShare(), 100 * m.rightCategoryShare(), m.topPredicted(),
                    m.topPredictedRows()));
        }
        o.println("confusion (rows: actual, columns: predicted)");
        o.printf(Locale.ROOT, "%-9s", "");
        for (String c : e.categories()) {
            o.printf(Locale.ROOT, " %9s", c);
        }
        o.println();
        for (int a = 0; a < e.categories().size(); a++) {
            o.printf(Locale.ROOT, "%-9s", e.categories().get(a));
            for (long v : e.confusion()[a]) {
                o.printf(Locale.ROOT, " %,9d", v);
            }
            o.println();
        }
        o.printf(Locale.ROOT, "anomaly verdicts %,d; %s%n", e.anomalyVerdicts(), e.anomalyCounting());
    }
}

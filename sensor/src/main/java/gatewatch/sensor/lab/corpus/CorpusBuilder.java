package gatewatch.sensor.lab.corpus;

import gatewatch.detector.eval.CaptureEvaluation;
import gatewatch.detector.eval.LabelTally;
import gatewatch.detector.model.Ensemble;
import gatewatch.features.truth.Labeller;
import gatewatch.features.truth.TruthFile;
import gatewatch.sensor.evaluate.CaptureEvaluator;
import gatewatch.sensor.evaluate.LabelledCapture;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.run.CaptureLabels;
import gatewatch.sensor.lab.run.Recorder;
import gatewatch.sensor.lab.run.Recording;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.output.KddDataWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Makes one corpus entry: records a scenario with a seed ({@link Recorder}, into a work
 * directory), writes its labelled kddcup.data lines as {@code OUT/SCENARIO-sSEED.data.gz}
 * ({@code features --truth}'s lines, gzip with no time stamp so that equal content gives equal
 * bytes), and scores the recording with the model as {@code evaluate --capture} does.
 */
public final class CorpusBuilder {
    private final Path outDir;
    private final Path workDir;
    private final CaptureEvaluator evaluator;
    private final String prefix;
    private final PrintStream progress;

    /** @param prefix namespace prefix of this process's lab runs */
    public CorpusBuilder(Path outDir, Path workDir, Ensemble model, String prefix, PrintStream progress) {
        this.outDir = outDir;
        this.workDir = workDir;
        this.evaluator = new CaptureEvaluator(model, null);
        this.prefix = prefix;
        this.progress = progress;
    }

    /** Records {@code scenario} with {@code seed} and writes its data file; the recording stays in the work directory. */
    public CorpusEntry build(Scenario scenario, long seed) throws IOException {
        Recording rec = new Recorder(workDir, seed, prefix, false, progress).record(scenario);
        String labKey = Recorder.key(scenario.name(), seed);
        Path pcap = workDir.resolve(labKey + ".pcap");
        Path truth = workDir.resolve(labKey + ".truth");
        String key = CorpusEntry.key(scenario.name(), seed);
        Path data = outDir.resolve(key + ".data.gz");
        Labeller labeller = writeData(pcap, truth, data);
        if (labeller.unlabelled() > 0) {
            throw new LabException(key + ": " + labeller.unlabelled() + " connections are covered by no truth rule");
        }
        CaptureEvaluation.CaptureResult judged = evaluator.evaluate(new LabelledCapture(pcap, List.of(truth)), new LabelTally());
        CorpusEntry.Baseline baseline = new CorpusEntry.Baseline(evaluator.modelVersion(), judged.connections(),
                judged.uncovered(), judged.labels());
        Recording.FileInfo file = Recorder.fileInfo(data);
        return new CorpusEntry(key, scenario.name(), seed, file.name(), file.bytes(), file.sha256(), labeller.perLabel(), rec.labels(), rec.tools(), rec.started(), rec.elapsedSeconds(),
                rec.packets(), rec.dropped(), rec.toolReport(), baseline);
    }

    /** The labelled lines of {@code pcap}, gzip without a time stamp, written whole or not at all. */
    static Labeller writeData(Path pcap, Path truth, Path data) throws IOException {
        Path tmp = data.resolveSibling(data.getFileName() + ".tmp");
        Labeller labeller;
        // GZIPOutputStream writes a constant header: modification time 0, no file name.
        try (OutputStream file = Files.newOutputStream(tmp);
                Writer w = new OutputStreamWriter(new GZIPOutputStream(file, 1 << 16), StandardCharsets.UTF_8)) {
            KddDataWriter kdd = new KddDataWriter(w);
            labeller = CaptureLabels.label(pcap, TruthFile.read(truth), (r, rule) -> {
                if (rule != null) {
                    kdd.writeLabelled(r, rule.label());
                }
            });
            kdd.flush();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, data, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return labeller;
    }
}

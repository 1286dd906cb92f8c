package gatewatch.sensor.lab.corpus;

import gatewatch.detector.eval.CaptureEvaluation;
import gatewatch.detector.eval.LabelTally;
import gatewatch.detector.model.Ensemble;
import gatewatch.features.extended.ExtendedCsv;
import gatewatch.features.extended.ExtendedFeature;
import gatewatch.features.extended.ExtendedFeatures;
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
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Makes one corpus entry from a lab recording: one it makes now ({@link #record}, with
 * {@link Recorder} into a work directory) or one made earlier and listed in a lab manifest
 * ({@link #fromRecording}, no root needed). Either way it writes the recording's labelled
 * kddcup.data lines as {@code OUT/SCENARIO-sSEED.data.gz} ({@code features --truth}'s lines, gzip
 * with no time stamp so that equal content gives equal bytes), scores the recording with the model
 * as {@code evaluate --capture} does, and takes the rest of the entry (tools, times, packets) from
 * the recording.
 */
public final class CorpusBuilder {
    private final Path outDir;
    private final CaptureEvaluator evaluator;

    public CorpusBuilder(Path outDir, Ensemble model) {
        this.outDir = outDir;
        this.evaluator = new CaptureEvaluator(model, null);
    }

    /**
     * Records {@code scenario} with {@code seed} into {@code workDir} (where the recording stays)
     * and makes its entry.
     *
     * @param prefix namespace prefix of this process's lab runs
     */
    public CorpusEntry record(Scenario scenario, long seed, Path workDir, String prefix, PrintStream progress) throws IOException {
        Recording rec = new Recorder(workDir, seed, prefix, false, progress).record(scenario);
        return fromRecording(workDir, rec);
    }

    /** Makes the entry of {@code rec}, a recording whose files are in {@code labDir}. */
    public CorpusEntry fromRecording(Path labDir, Recording rec) throws IOException {
        Path pcap = pcap(labDir, rec);
        Path truth = truth(labDir, rec);
        String key = CorpusEntry.key(rec.scenario(), rec.seed());
        Path data = outDir.resolve(key + ".data.gz");
        Labeller labeller = writeData(pcap, truth, data);
        if (labeller.unlabelled() > 0) {
            throw new LabException(key + ": " + labeller.unlabelled() + " connections are covered by no truth rule");
        }
        CaptureEvaluation.CaptureResult judged = evaluator.evaluate(new LabelledCapture(pcap, List.of(truth)), new LabelTally());
        CorpusEntry.Baseline baseline = new CorpusEntry.Baseline(evaluator.modelVersion(), judged.connections(),
                judged.uncovered(), judged.labels());
        Recording.FileInfo file = Recorder.fileInfo(data);
        return new CorpusEntry(key, rec.scenario(), rec.seed(), file.name(), file.bytes(), file.sha256(), labeller.perLabel(),
                rec.labels(), rec.tools(), rec.started(), rec.elapsedSeconds(), rec.packets(), rec.dropped(), rec.toolReport(),
                baseline);
    }

    /** The capture of {@code rec} in {@code labDir}: the one its manifest entry names, else {@code KEY.pcap}. */
    public static Path pcap(Path labDir, Recording rec) {
        return labDir.resolve(fileName(rec, "pcap", ".pcap"));
    }

    /** The truth file of {@code rec} in {@code labDir}, named as {@link #pcap} is. */
    public static Path truth(Path labDir, Recording rec) {
        return labDir.resolve(fileName(rec, "truth", ".truth"));
    }

    private static String fileName(Recording rec, String kind, String suffix) {
        Recording.FileInfo f = rec.files() == null ? null : rec.files().get(kind);
        // The name alone: a manifest names files beside it, never elsewhere.
        return f != null && f.name() != null ? Path.of(f.name()).getFileName().toString() : rec.key() + suffix;
    }

    /**
     * The labelled lines of {@code pcap}, gzip without a time stamp, and beside them (in
     * {@link CorpusFiles#extendedOf}) each line's features beyond the 41, one line each in the
     * same order under a header; both written whole or not at all.
     */
    static Labeller writeData(Path pcap, Path truth, Path data) throws IOException {
        Path extended = CorpusFiles.extendedOf(data);
        Path tmp = data.resolveSibling(data.getFileName() + ".tmp");
        Path extendedTmp = extended.resolveSibling(extended.getFileName() + ".tmp");
        Labeller labeller;
        try (Writer w = gzipWriter(tmp); Writer x = gzipWriter(extendedTmp)) {
            KddDataWriter kdd = new KddDataWriter(w);
            x.append(ExtendedCsv.header()).append('\n');
            double[] values = new double[ExtendedFeature.COUNT];
            StringBuilder line = new StringBuilder(64);
            labeller = CaptureLabels.label(pcap, TruthFile.read(truth), (r, rule) -> {
                if (rule != null) {
                    kdd.writeLabelled(r, rule.label());
                    ExtendedFeatures.fill(r.conn(), values, 0);
                    line.setLength(0);
                    ExtendedCsv.append(values, 0, line);
                    appendLine(x, line);
                }
            });
            kdd.flush();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(extendedTmp);
            throw e;
        }
        Files.move(extendedTmp, extended, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(tmp, data, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return labeller;
    }

    /** GZIPOutputStream writes a constant header (modification time 0, no file name): equal content, equal bytes. */
    private static Writer gzipWriter(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        try {
            return new OutputStreamWriter(new GZIPOutputStream(out, 1 << 16), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    private static void appendLine(Writer w, StringBuilder line) {
        try {
            w.append(line).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

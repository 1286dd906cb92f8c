package gatewatch.sensor.cli;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.extract.FeatureExtractor;
import gatewatch.features.extract.RecordSink;
import gatewatch.features.truth.Labeller;
import gatewatch.features.truth.Truth;
import gatewatch.features.truth.TruthRule;
import gatewatch.sensor.evaluate.EvaluationInputException;
import gatewatch.sensor.evaluate.TruthFiles;
import gatewatch.sensor.capture.CaptureException;
import gatewatch.sensor.capture.CaptureOpenException;
import gatewatch.sensor.capture.DamagedCaptureException;
import gatewatch.sensor.capture.PcapFileSource;
import gatewatch.sensor.output.ExtendedCsvWriter;
import gatewatch.sensor.output.JsonRecordWriter;
import gatewatch.sensor.output.KddDataWriter;
import gatewatch.sensor.output.RecordWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatewatch features CAPTURE...}: one KDD record per connection, for researchers.
 *
 * <p>The captures are read in order as one stream (a connection may span files). A file that
 * cannot be opened, or is damaged part-way, ends the run with exit 3 after every record read so
 * far has been written.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {
            "Extract one KDD Cup 1999 record per connection from capture files.",
            "Default output is exactly the kddcup.data layout (41 features, no header, no label).",
            "With --truth, each line ends with its label (label.), as in KDD's training files (docs/TRUTH.md)."
        })
public final class FeaturesCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "CAPTURE", description = "pcap or pcapng files, read in order as one stream")
    List<Path> captures;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write records to FILE instead of standard output.")
    Path output;

    @ArgGroup(exclusive = true)
    Format format = new Format();

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "1000000",
            description = "Open connections kept at most; the least recently active is reported early when full (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--truth", paramLabel = "FILE",
            description = "A truth file (docs/TRUTH.md); repeat for more, read in order: each record gets the label of the first matching rule.")
    List<Path> truthFiles;

    @Option(names = "--unlabelled", paramLabel = "POLICY", defaultValue = "fail",
            description = "Connections no rule covers: fail (leave them out and exit 1) or skip (leave them out, exit 0); "
                    + "either way they are counted on stderr (default: ${DEFAULT-VALUE}).")
    Unlabelled unlabelled;

    @Mixin
    DebugOption debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    enum Unlabelled { fail, skip }

    static final class Format {
        @Option(names = "--extended", description = "A header, then start,end,src_ip,src_port,dst_ip,dst_port,proto,history and the 41 features.")
        boolean extended;

        @Option(names = "--json", description = "One JSON object a line: the connection as the alert log writes it (EVE names, ISO times), with its 41 features under \"features\" (docs/EVENTS.md).")
        boolean json;
    }

    @Override
    public Integer call() throws IOException {
        if (maxConnections < 1) {
            throw new UsageException("--max-connections must be positive, got " + maxConnections);
        }
        Truth truth = truthFiles == null ? null : readTruth();
        if (truth != null && (format.json || format.extended)) {
            throw new UsageException("--truth writes the labelled kddcup.data layout; it cannot go with --extended or --json");
        }
        Labeller labeller = truth == null ? null : new Labeller(truth);
        try (RecordWriter writer = openWriter()) {
            RecordSink sink = writer::write;
            if (labeller != null) {
                KddDataWriter kdd = (KddDataWriter) writer;
                sink = r -> {
                    TruthRule rule = labeller.label(r.conn());
                    if (rule != null) {
                        kdd.writeLabelled(r, rule.label());
                    }
                };
            }
            FeatureExtractor extractor = new FeatureExtractor(
                    FeatureExtractor.ExtractorConfig.defaults().withMaxConnections(maxConnections), sink);
            try {
                for (Path capture : captures) {
                    read(capture, extractor);
                }
            } finally {
                // Every connection seen so far becomes a record, also when a file was damaged.
                extractor.finish();
                writer.flush();
            }
        }
        return labeller == null ? ExitCodes.OK : reportUnlabelled(labeller);
    }

    private Truth readTruth() {
        try {
            return TruthFiles.read(truthFiles);
        } catch (EvaluationInputException e) {
            throw new UnreadableInputException(e.getMessage(), e);
        }
    }

    /** Connections no rule covered are never written with a made-up label: counted here, and exit 1 unless skipped. */
    private int reportUnlabelled(Labeller labeller) {
        if (labeller.unlabelled() == 0) {
            return ExitCodes.OK;
        }
        java.io.PrintWriter err = spec.commandLine().getErr();
        err.println("gatewatch: " + labeller.unlabelled() + " connections are covered by no truth rule and were left out"
                + (unlabelled == Unlabelled.skip ? " (--unlabelled skip)" : "") + "; the first (start proto orig resp orig_port resp_port):");
        for (ConnectionSummary c : labeller.unlabelledExamples()) {
            err.println("  " + Labeller.describe(c));
        }
        err.flush();
        return unlabelled == Unlabelled.skip ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    static void read(Path capture, FeatureExtractor extractor) {
        try (PcapFileSource source = PcapFileSource.open(capture)) {
            source.run(extractor);
        } catch (CaptureOpenException e) {
            throw new UnreadableInputException(e.getMessage(), e);
        } catch (DamagedCaptureException e) {
            throw new UnreadableInputException(e.getMessage(), e);
        } catch (CaptureException e) {
            throw new UnreadableInputException(capture + ": " + e.getMessage(), e);
        }
    }

    private RecordWriter openWriter() throws IOException {
        if (format.json) {
            // Jackson's generator buffers and encodes UTF-8 itself.
            return new JsonRecordWriter(output != null ? Files.newOutputStream(output) : StandardOutput.unclosable());
        }
        Writer out = output != null
                ? Files.newBufferedWriter(output, StandardCharsets.UTF_8)
                : new BufferedWriter(new OutputStreamWriter(StandardOutput.unclosable(), StandardCharsets.UTF_8), 1 << 16);
        return format.extended ? new ExtendedCsvWriter(out) : new KddDataWriter(out);
    }
}

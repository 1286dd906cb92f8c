package gatewatch.sensor.cli;

import gatewatch.detector.model.Ensemble;
import gatewatch.sensor.alert.AlertLimit;
import gatewatch.sensor.alert.JsonLinesLog;
import gatewatch.sensor.alert.LogFileConfig;
import gatewatch.sensor.pipeline.FullQueuePolicy;
import gatewatch.sensor.pipeline.LatencyRecorder;
import gatewatch.sensor.pipeline.Outputs;
import gatewatch.sensor.pipeline.Pipeline;
import gatewatch.sensor.pipeline.PipelineSettings;
import gatewatch.sensor.pipeline.ReplaySpeed;
import gatewatch.sensor.pipeline.Summary;
import gatewatch.synth.SynthReport;
import gatewatch.synth.SynthReport.AttackEpisode;
import gatewatch.synth.SynthSpec;
import gatewatch.synth.Synthesizer;
import gatewatch.synth.truth.GroundTruth;
import gatewatch.synth.truth.TruthFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatewatch demo}: builds a capture of normal traffic with attacks in it (the synthesizer),
 * replays it through the full pipeline with the bundled model, and shows the alerts, then what
 * was and was not caught: every connection of the replay matched to the synthesizer's ground
 * truth (what it made each connection as), counted per attack episode and, for the normal
 * traffic, per service.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Synthesize a capture with attacks, replay it with the bundled model, show the alerts and what was caught.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--connections", paramLabel = "N", defaultValue = "10000", description = "Connections to synthesize (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the synthesizer (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--keep", paramLabel = "DIR",
            description = "Keep the capture (demo.pcap), its ground truth (truth.txt), the alert log (alerts.json) and every "
                    + "connection with its verdict (records.json) in DIR (default: a temporary folder, removed).")
    Path keep;

    @Option(names = "--model", paramLabel = "FILE", description = "Model file (default: the bundled model).")
    Path model;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (connections < 100 || connections > 5_000_000) {
            throw new UsageException("--connections must be between 100 and 5000000, got " + connections);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("gatewatch-demo");
        Path capture = dir.resolve("demo.pcap");
        Path alertsFile = dir.resolve("alerts.json");
        Path truthFile = dir.resolve("truth.txt");
        Path recordsFile = dir.resolve("records.json");
        Files.deleteIfExists(alertsFile);
        Files.deleteIfExists(recordsFile);
        try {
            SynthSpec synthSpec = SynthSpec.defaults().withConnections(connections).withSeed(seed);
            GroundTruth truth = new GroundTruth();
            SynthReport synth;
            if (keep != null) {
                try (TruthFile file = TruthFile.create(truthFile, "made by: gatewatch synth " + synthSpec.options())) {
                    synth = Synthesizer.write(synthSpec, capture, truth.andThen(file));
                }
            } else {
                synth = Synthesizer.write(synthSpec, capture, truth);
            }
            out.printf(Locale.ROOT, "Synthesized %,d connections (%,d frames, %s of traffic) with %d attack episodes into %s%n%n",
                    synth.totalConnections(), synth.frames(), human(synth.span()), synth.episodes().size(), capture);
            Ensemble ensemble = Models.load(model);
            DemoTally tally = new DemoTally(truth);
            AlertTable alerts = new AlertTable();
            Summary summary;
            try (JsonLinesLog log = new JsonLinesLog(LogFileConfig.simple(alertsFile));
                    JsonLinesLog records = keep != null ? new JsonLinesLog(LogFileConfig.simple(recordsFile)) : null) {
                Pipeline p = new Pipeline(PipelineSettings.defaults(), FullQueuePolicy.BLOCK, ensemble,
                        new Outputs(log, null, records, List.of(alerts, tally), "demo", AlertLimit.DEFAULT), LatencyRecorder.NONE);
                summary = p.replay(List.of(capture), ReplaySpeed.MAX);
            }
            alerts.print(out);
            DemoResult result = tally.result();
            printCoverage(out, result, truth.size());
            printEpisodes(out, synth, result);
            printNormal(out, result);
            out.println();
            out.flush();
            SummaryPrinter.print(summary, out);
            printFiles(out, alertsFile, keep == null ? null : truthFile, keep == null ? null : recordsFile);
            out.flush();
        } finally {
            if (keep == null) {
                Files.deleteIfExists(capture);
                Files.deleteIfExists(alertsFile);
                Files.deleteIfExists(dir);
            }
        }
        return ExitCodes.OK;
    }

    private static void printCoverage(PrintWriter out, DemoResult r, int truthConnections) {
        if (r.uncovered() == 0 && r.unseen() == 0) {
            out.printf(Locale.ROOT, "All %,d connections of the replay matched to the synthesizer's ground truth "
                    + "(by addresses, ports and start time):%n%n", truthConnections);
            return;
        }
        out.printf(Locale.ROOT, "Connections replayed that the synthesizer's truth does not cover: %,d; "
                + "connections of the truth the replay did not report: %,d of %,d%n%n", r.uncovered(), r.unseen(), truthConnections);
    }

    private static void printEpisodes(PrintWriter out, SynthReport synth, DemoResult r) {
        out.printf("%-17s %-18s %11s %8s %12s  %-6s  %s%n", "attack", "truth", "connections", "alerted", "in category",
                "result", "alerted as");
        for (AttackEpisode e : synth.episodes()) {
            DemoResult.Tally t = r.episodes().get(e.kind());
            out.println(String.format(Locale.ROOT, "%-17s %-18s %,11d %,8d %,12d  %-6s  %s", e.kind().mixName(),
                    e.category() + "/" + e.label(), t.connections(), t.alerted(), t.asOwnCategory(), t.outcome().text(),
                    labels(t.labels())).stripTrailing());
        }
        out.println("(alerted: any alert; in category: alerted in the attack's own category. Caught: more than half of its");
        out.println(" connections alerted in its category; missed: none alerted; partly: the rest.)");
        out.println();
    }

    private static void printNormal(PrintWriter out, DemoResult r) {
        long n = r.normalConnections();
        long alerted = r.normalAlerted();
        out.printf(Locale.ROOT, "Normal connections alerted: %,d of %,d (%.2f %%)%n", alerted, n, n > 0 ? 100.0 * alerted / n : 0);
        out.printf("  %-10s %11s %8s  %s%n", "service", "connections", "alerted", "alerted as");
        List<Map.Entry<String, DemoResult.Tally>> services = new ArrayList<>(r.normalByService().entrySet());
        services.sort(Comparator.comparing((Map.Entry<String, DemoResult.Tally> e) -> -e.getValue().alerted())
                .thenComparing(e -> -e.getValue().connections()).thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, DemoResult.Tally> e : services) {
            DemoResult.Tally t = e.getValue();
            out.println(String.format(Locale.ROOT, "  %-10s %,11d %,8d  %s", e.getKey(), t.connections(), t.alerted(),
                    labels(t.labels())).stripTrailing());
        }
        if (alerted > 0) {
            out.printf("  all services alerted as: %s%n", labels(r.normalLabels()));
        }
    }

    /** {@code probe/satan 280, anomaly 19}: most first. */
    static String labels(Map<String, Long> labels) {
        return DemoResult.byCount(labels).entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static void printFiles(PrintWriter out, Path alertsFile, Path truthFile, Path recordsFile) throws IOException {
        if (truthFile == null) {
            out.printf("alert log (JSON lines): %s (removed on exit; keep it, the truth and every record with --keep DIR)%n",
                    alertsFile);
            List<String> first = Files.readAllLines(alertsFile).stream().limit(1).toList();
            if (!first.isEmpty()) {
                out.println("first alert:");
                out.println(first.getFirst());
            }
            return;
        }
        out.printf("alert log (JSON lines): %s%n", alertsFile);
        out.printf("every connection with its verdict (JSON lines): %s%n", recordsFile);
        out.printf("ground truth (docs/TRUTH.md): %s%n", truthFile);
    }

    private static String human(java.time.Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}

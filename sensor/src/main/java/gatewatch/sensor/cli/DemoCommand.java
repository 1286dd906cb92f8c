package gatewatch.sensor.cli;

import gatewatch.sensor.alert.AlertLimit;
import gatewatch.detector.model.Ensemble;
import gatewatch.features.conn.ConnectionSummary;
import gatewatch.sensor.alert.JsonLinesLog;
import gatewatch.sensor.alert.LogFileConfig;
import gatewatch.sensor.pipeline.AlertListener;
import gatewatch.sensor.pipeline.FullQueuePolicy;
import gatewatch.sensor.pipeline.LatencyRecorder;
import gatewatch.sensor.pipeline.Outputs;
import gatewatch.sensor.pipeline.Pipeline;
import gatewatch.sensor.pipeline.PipelineSettings;
import gatewatch.sensor.pipeline.ReplaySpeed;
import gatewatch.sensor.pipeline.Scored;
import gatewatch.sensor.pipeline.Summary;
import gatewatch.sensor.synth.SynthReport;
import gatewatch.sensor.synth.SynthReport.AttackEpisode;
import gatewatch.sensor.synth.SynthSpec;
import gatewatch.sensor.synth.Synthesizer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gatewatch demo}: builds a capture of normal traffic with attacks in it (the synthesizer),
 * replays it through the full pipeline with the bundled model, and shows the alerts, which of the
 * attacks were caught, how many normal connections were alerted, and the summary.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Synthesize a capture with attacks, replay it with the bundled model, show the alerts.")
public final class DemoCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    @Option(names = "--connections", paramLabel = "N", defaultValue = "10000", description = "Connections to synthesize (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the synthesizer (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--keep", paramLabel = "DIR", description = "Keep the capture and the alert log in DIR (default: a temporary folder, removed).")
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
        Files.deleteIfExists(alertsFile);
        try {
            SynthReport synth = Synthesizer.write(SynthSpec.defaults().withConnections(connections).withSeed(seed), capture);
            out.printf(Locale.ROOT, "Synthesized %,d connections (%,d frames, %s of traffic) with %d attack episodes into %s%n%n",
                    synth.totalConnections(), synth.frames(), human(synth.span()), synth.episodes().size(), capture);
            Ensemble ensemble = Models.load(model);
            List<Scored> alerts = new ArrayList<>();
            // Every alert verdict, also those the alert log only counts in an alert_suppressed event.
            AlertListener collect = (s, json) -> {
                if (s.verdict().isAlert()) {
                    alerts.add(s);
                }
            };
            Summary summary;
            try (JsonLinesLog log = new JsonLinesLog(LogFileConfig.simple(alertsFile))) {
                Pipeline p = new Pipeline(PipelineSettings.defaults(), FullQueuePolicy.BLOCK, ensemble,
                        new Outputs(log, null, null, List.of(collect), "demo", AlertLimit.DEFAULT), LatencyRecorder.NONE);
                summary = p.replay(List.of(capture), ReplaySpeed.MAX);
            }
            printAlerts(out, alerts);
            printEpisodes(out, synth, alerts);
            out.println();
            out.flush();
            SummaryPrinter.print(summary, out);
            out.printf("alert log (JSON lines): %s%s%n", alertsFile, keep == null ? " (removed on exit; keep it with --keep DIR)" : "");
            if (keep == null) {
                List<String> first = Files.readAllLines(alertsFile).stream().limit(1).toList();
                if (!first.isEmpty()) {
                    out.println("first alert:");
                    out.println(first.getFirst());
                }
            }
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

    private static void printAlerts(PrintWriter out, List<Scored> alerts) {
        // One row per (category, label): an attack from many addresses, or at many, stays one row.
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Set<String>> sources = new TreeMap<>();
        Map<String, Set<String>> targets = new TreeMap<>();
        for (Scored s : alerts) {
            ConnectionSummary c = s.record().conn();
            String key = String.format(Locale.ROOT, "%-8s %-16s", s.verdict().category().externalName(), s.verdict().label());
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
            sources.computeIfAbsent(key, k -> new HashSet<>()).add(c.origAddress().toString());
            targets.computeIfAbsent(key, k -> new HashSet<>()).add(c.respAddress().toString());
        }
        out.printf("%-8s %-16s %8s  %s%n", "category", "label", "alerts", "source -> destination");
        counts.forEach((key, n) -> out.printf(Locale.ROOT, "%s %,8d  %s -> %s%n", key, n[0],
                hosts(sources.get(key)), hosts(targets.get(key))));
        out.println();
    }

    private static String hosts(Set<String> h) {
        return h.size() == 1 ? h.iterator().next() : h.size() + " hosts";
    }

    private static void printEpisodes(PrintWriter out, SynthReport synth, List<Scored> alerts) {
        out.printf("%-18s %-19s %11s  %s%n", "attack in capture", "time (UTC)", "connections", "alerted (as)");
        Set<Scored> explained = new HashSet<>();
        for (AttackEpisode e : synth.episodes()) {
            Set<String> hosts = new HashSet<>(e.attackers());
            hosts.addAll(e.victims());
            Map<String, Long> as = new TreeMap<>();
            long n = 0;
            for (Scored s : alerts) {
                ConnectionSummary c = s.record().conn();
                Instant t = Instant.ofEpochSecond(0, c.startNanos());
                boolean inTime = !t.isBefore(e.start().minusSeconds(1)) && !t.isAfter(e.end().plusSeconds(10));
                if (inTime && (hosts.contains(c.origAddress().toString()) || hosts.contains(c.respAddress().toString()))) {
                    n++;
                    explained.add(s);
                    as.merge(s.verdict().category().externalName() + "/" + s.verdict().label(), 1L, Long::sum);
                }
            }
            out.printf(Locale.ROOT, "%-18s %s-%s %,11d  %,d %s%n", e.label() + " (" + e.category() + ")",
                    TIME.format(e.start()), TIME.format(e.end()), e.connections(), n, as);
        }
        long normal = synth.connections().entrySet().stream()
                .filter(en -> en.getKey().name().equals("NORMAL")).mapToLong(Map.Entry::getValue).sum();
        long falseAlerts = alerts.stream().filter(s -> !explained.contains(s)).count();
        out.printf(Locale.ROOT, "alerts outside the attacks (normal traffic alerted): %,d of %,d normal connections (%.2f %%)%n",
                falseAlerts, normal, normal > 0 ? 100.0 * falseAlerts / normal : 0);
    }

    private static String human(java.time.Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}

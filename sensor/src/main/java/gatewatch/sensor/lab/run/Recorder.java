package gatewatch.sensor.lab.run;

import gatewatch.features.truth.Labeller;
import gatewatch.features.truth.Truth;
import gatewatch.features.truth.TruthFile;
import gatewatch.features.truth.TruthRule;
import gatewatch.sensor.lab.LabException;
import gatewatch.sensor.lab.net.Namespaces;
import gatewatch.sensor.lab.net.Topology;
import gatewatch.sensor.lab.scenario.Scenario;
import gatewatch.sensor.lab.scenario.Tool;
import gatewatch.sensor.lab.scenario.Tools;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Records one scenario: builds the namespaces, starts the capture, runs the scenario, stops
 * everything, writes {@code DIR/KEY.pcap}, {@code DIR/KEY.truth} and {@code DIR/KEY.log}, labels
 * the capture with the truth and updates the manifest. Everything it made outside DIR is removed
 * afterwards, also after a failure or SIGINT (a shutdown hook), and {@code gatewatch lab clean}
 * removes what a killed run left.
 */
public final class Recorder {
    /** The namespace prefix of every lab run; {@code gatewatch lab clean} removes what starts with it. */
    public static final String PREFIX = "gwlab-";
    /** The seed whose files carry no {@code -seedN} suffix. */
    public static final long DEFAULT_SEED = 1;

    private final Path outDir;
    private final long seed;
    private final String prefix;
    private final boolean keepWork;
    private final PrintStream progress;

    /**
     * @param prefix   namespace prefix of this process's runs, e.g. {@code gwlab-4711-}
     * @param keepWork keep the work directory (configs, daemon logs) for debugging
     */
    public Recorder(Path outDir, long seed, String prefix, boolean keepWork, PrintStream progress) {
        this.outDir = outDir;
        this.seed = seed;
        this.prefix = prefix;
        this.keepWork = keepWork;
        this.progress = progress;
    }

    /** The file base name of a recording. */
    public static String key(String scenario, long seed) {
        return seed == DEFAULT_SEED ? scenario : scenario + "-seed" + seed;
    }

    public Recording record(Scenario scenario) throws IOException {
        String key = key(scenario.name(), seed);
        List<Tool> tools = new ArrayList<>(new LinkedHashSet<>(concat(List.of(Tools.IP, Tools.TCPDUMP, Tools.SS), scenario.tools())));
        Map<Tool, ToolCheck.Found> found = ToolCheck.check(scenario.name(), tools);
        Files.createDirectories(outDir);
        Path pcap = outDir.resolve(key + ".pcap");
        Path partial = outDir.resolve(key + ".pcap.part");
        Path truthFile = outDir.resolve(key + ".truth");
        Topology net = new Topology(prefix);
        Path workDir = Files.createTempDirectory(prefix);
        Instant started = Instant.now();
        progress.println("lab: recording " + key + " (work directory " + workDir + ")");

        RunContext ctx;
        Capture.Stats stats;
        long runStart;
        long runEnd;
        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(outDir.resolve(key + ".log"), StandardCharsets.UTF_8))) {
            ctx = new RunContext(net, scenario.name(), seed, workDir, found, log);
            Teardown teardown = new Teardown(net, ctx, workDir, keepWork, partial);
            Thread hook = new Thread(teardown::run, "gwlab-teardown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                log.println("# gatewatch lab: scenario " + scenario.name() + ", seed " + seed + ", namespaces " + prefix + "{c,g,s}");
                Namespaces.create(net);
                Capture capture = Capture.start(found.get(Tools.TCPDUMP).path(), net, partial, workDir.resolve("tcpdump.log"));
                teardown.capture = capture;
                runStart = ctx.nowNanos();
                try {
                    scenario.run(ctx);
                } catch (LabException e) {
                    throw new LabException("scenario " + scenario.name() + ": " + e.getMessage(), e);
                } catch (Exception e) {
                    throw new LabException("scenario " + scenario.name() + " failed: " + e, e);
                }
                ctx.stopChildren();
                // The capture's stop waits for the last FIN/ACKs and RSTs of what was just stopped.
                stats = capture.stop();
                runEnd = ctx.nowNanos();
                teardown.captured = true;
            } finally {
                teardown.run();
                removeHook(hook);
            }
        }
        if (stats.dropped() > 0) {
            progress.println("lab: warning: the capture of " + key + " dropped " + stats.dropped() + " packets");
        }
        // Whole microseconds outward, so that the printed bounds still hold every connection.
        long from = Math.floorDiv(runStart, 1000L) * 1000L;
        long to = Math.floorDiv(runEnd + 999L, 1000L) * 1000L;
        List<TruthRule> rules = ctx.rules(from, to);
        try (Writer w = Files.newBufferedWriter(truthFile, StandardCharsets.UTF_8)) {
            TruthFile.write(w, rules, List.of("scenario " + scenario.name() + ", seed " + seed + ", recorded by gatewatch lab"));
        }
        Files.move(partial, pcap, StandardCopyOption.REPLACE_EXISTING);

        Labeller labeller = CaptureLabels.label(pcap, new Truth(rules), (r, rule) -> { });
        Map<String, String> labels = new TreeMap<>();
        rules.forEach(r -> labels.put(r.label(), r.category().externalName()));
        Map<String, String> versions = new LinkedHashMap<>();
        found.forEach((t, f) -> versions.put(t.command(), f.version()));
        Map<String, Recording.FileInfo> files = new LinkedHashMap<>();
        files.put("pcap", fileInfo(pcap));
        files.put("truth", fileInfo(truthFile));
        Instant ended = Instant.now();
        Recording rec = new Recording(key, scenario.name(), seed, started.toString(), ended.toString(),
                (ended.toEpochMilli() - started.toEpochMilli()) / 1000.0, versions, stats.captured(), stats.dropped(),
                files, labeller.perLabel(), labeller.unlabelled(), labels, ctx.reports());
        Manifest.update(outDir, rec);
        progress.println("lab: " + key + ": " + stats.captured() + " packets, connections " + labeller.perLabel()
                + (labeller.unlabelled() > 0 ? ", unlabelled " + labeller.unlabelled() : "") + ", "
                + rec.elapsedSeconds() + " s");
        if (labeller.unlabelled() > 0) {
            List<String> first = labeller.unlabelledExamples().stream().map(Labeller::describe).toList();
            throw new LabException(key + ": " + labeller.unlabelled() + " connections are covered by no truth rule,"
                    + " the scenario must label them; first: " + String.join("; ", first));
        }
        return rec;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down (SIGINT, SIGTERM): the hook is running or has run.
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Name, size and SHA-256 of {@code file}. */
    public static Recording.FileInfo fileInfo(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            long n = 0;
            int r;
            while ((r = in.read(buf)) > 0) {
                md.update(buf, 0, r);
                n += r;
            }
            return new Recording.FileInfo(file.getFileName().toString(), n, HexFormat.of().formatHex(md.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Stops what a run started and removes what it made; runs once, from the run's end or from the shutdown hook. */
    private static final class Teardown {
        private final Topology net;
        private final RunContext ctx;
        private final Path workDir;
        private final boolean keepWork;
        private final Path partial;
        volatile Capture capture;
        /** Set once the capture ended normally: the partial pcap is then the recording's. */
        volatile boolean captured;
        private boolean done;

        Teardown(Topology net, RunContext ctx, Path workDir, boolean keepWork, Path partial) {
            this.net = net;
            this.ctx = ctx;
            this.workDir = workDir;
            this.keepWork = keepWork;
            this.partial = partial;
        }

        synchronized void run() {
            if (done) {
                return;
            }
            done = true;
            ctx.stopChildren();
            Capture c = capture;
            if (c != null) {
                c.process().stop();
            }
            Namespaces.destroy(net);
            if (!keepWork) {
                WorkDirs.delete(workDir);
            }
            if (!captured) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    // A stale .part file says itself that it is incomplete.
                }
            }
        }
    }
}

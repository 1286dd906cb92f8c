package gatewatch.sensor.cli;

import gatewatch.detector.encode.DetectorRow;
import gatewatch.detector.io.BuildInfo;
import gatewatch.detector.io.SiteBaselineFile;
import gatewatch.detector.model.Ensemble;
import gatewatch.detector.model.SiteBaseline;
import gatewatch.detector.train.LearnScreen;
import gatewatch.detector.train.SiteLearner;
import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.extract.FeatureExtractor;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddFlag;
import gatewatch.sensor.capture.CaptureException;
import gatewatch.sensor.capture.CaptureOpenException;
import gatewatch.sensor.capture.LiveSource;
import gatewatch.sensor.config.CaptureSection;
import gatewatch.sensor.config.ConfigException;
import gatewatch.sensor.config.DurationValue;
import gatewatch.sensor.config.SensorConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gatewatch learn CAPTURE... --out FILE} or {@code gatewatch learn --interface IF
 * --duration D --out FILE}: fits a site baseline to the site's normal traffic, from captures or
 * live (DESIGN.md), for {@code run} and {@code replay --site-baseline FILE}. Connections beyond
 * {@code --sample} are sampled uniformly (reservoir), so memory stays bounded however long it
 * learns.
 */
@Command(name = "learn", mixinStandardHelpOptions = true,
        description = "Learn the site's normal traffic from capture files into a site baseline, so that what the site "
                + "always does (TLS, SSH, QUIC: traffic KDD never saw as normal) is not alerted.")
public final class LearnCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "CAPTURE", description = "pcap or pcapng files of the site's normal traffic")
    List<Path> captures = List.of();

    @Option(names = {"-i", "--interface"}, paramLabel = "IF",
            description = "Learn live from this interface instead of from files, for --duration or until SIGINT/SIGTERM.")
    String iface;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "1h",
            description = "How long to learn live, e.g. 30m, 24h (default 1h).")
    String duration;

    @Option(names = "--filter", paramLabel = "BPF", description = "BPF filter for live learning.")
    String filter;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The site baseline file to write.")
    Path out;

    @Option(names = "--model", paramLabel = "FILE", description = "The model it is for (default: the bundled model).")
    Path model;

    @Option(names = "--quantile", paramLabel = "Q", defaultValue = "0.995",
            description = "Share of the learned connections that counts as typical of the site (default 0.995).")
    double quantile;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "200000",
            description = "Connections kept at most, a uniform sample of all (default 200000).")
    int sample;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1999", description = "Seed of the sample and the forest.")
    long seed;

    @Option(names = "--strict", description = "Write no baseline (exit 1) when the traffic learned from looks like an "
            + "attack (a flood, a scan, a sweep, password guessing); without it, a warning per suspicious group.")
    boolean strict;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!(quantile > 0 && quantile < 1)) {
            throw new UsageException("--quantile must be between 0 and 1, got " + quantile);
        }
        if (sample < SiteLearner.MIN_CONNECTIONS) {
            throw new UsageException("--sample must be at least " + SiteLearner.MIN_CONNECTIONS + ", got " + sample);
        }
        if ((iface == null) == captures.isEmpty()) {
            throw new UsageException("give capture files or --interface IF, one of the two");
        }
        Ensemble ensemble = Models.load(model);
        Reservoir rows = new Reservoir(sample, seed);
        LearnScreen screen = new LearnScreen();
        FeatureExtractor extractor = new FeatureExtractor(FeatureExtractor.ExtractorConfig.defaults(), r -> {
            rows.offer(DetectorRow.of(r.features(), r.conn()));
            ConnectionSummary c = r.conn();
            screen.offer(c.origAddress(), c.respAddress(), c.respPort(), c.service(), c.kddFlag(),
                    c.kddFlag() == KddFlag.S1 && c.origBytes() + c.respBytes() == 0,
                    r.features().get(KddFeature.NUM_FAILED_LOGINS) > 0);
        });
        if (iface != null) {
            learnLive(extractor);
        } else {
            for (Path capture : captures) {
                FeaturesCommand.read(capture, extractor);
            }
        }
        extractor.finish();
        if (warn(screen) && strict) {
            throw new IllegalStateException("the traffic looks like an attack (see the warnings); no site baseline "
                    + "written (--strict)");
        }
        double[][] x = rows.rows();
        SiteBaseline baseline;
        try {
            baseline = new SiteLearner(quantile, seed).learn(ensemble, x);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        SiteBaselineFile.write(out, new SiteBaselineFile.Header("gatewatch learn " + String.join(" ", OwnArgs.of(spec)),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), BuildInfo.version()), baseline);

        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "learned %,d connections (%,d seen, %s) for model %s; threshold %.4f at quantile %s%n",
                x.length, rows.seen(), iface != null ? "live on " + iface : captures.size() + " captures",
                ensemble.modelVersion(), baseline.threshold(), quantile);
        long before = alerts(ensemble, x);
        long after = alerts(ensemble.withSite(baseline), x);
        o.printf(Locale.ROOT, "alerted among them: %,d (%.2f %%) by the model alone, %,d (%.2f %%) with the site baseline "
                + "(the learned connections themselves: expect fewer on new traffic)%n",
                before, 100.0 * before / x.length, after, 100.0 * after / x.length);
        o.printf("site baseline: %s (use with run or replay --site-baseline, or detector.site_baseline)%n", out);
        o.flush();
        return ExitCodes.OK;
    }

    /** Captures on {@link #iface} until {@link #duration} has passed or SIGINT/SIGTERM, whichever comes first. */
    private void learnLive(FeatureExtractor extractor) {
        Duration limit;
        try {
            limit = DurationValue.parse("--duration", duration);
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
        CaptureSection capture = SensorConfig.defaults().capture().withIface(iface).withFilter(filter);
        try (LiveSource source = LiveSource.open(RunCommand.liveConfig(capture, iface))) {
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("learn-timer").factory());
            try {
                timer.schedule(source::stop, limit.toMillis(), TimeUnit.MILLISECONDS);
                spec.commandLine().getErr().printf("learning on %s for %s (SIGINT to stop sooner)%n", iface, duration);
                spec.commandLine().getErr().flush();
                Signals.whileRunning(source::stop, () -> { }, () -> {
                    try {
                        return source.run(extractor);
                    } catch (CaptureException e) {
                        throw new UnreadableInputException(iface + ": " + e.getMessage(), e);
                    }
                });
            } finally {
                timer.shutdownNow();
            }
        } catch (CaptureOpenException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** One warning line per suspicious group on stderr; true when there was one. */
    private boolean warn(LearnScreen screen) {
        List<String> findings = screen.findings();
        PrintWriter err = spec.commandLine().getErr();
        for (String f : findings) {
            err.println("learn: warning: " + f);
        }
        if (!findings.isEmpty()) {
            err.println("learn: warning: a site baseline never clears floods, scans, sweeps or failed logins, but learned "
                    + "from an attack it takes the attack's other connections for the site's own; learn from clean traffic");
        }
        if (screen.notFollowed() > 0) {
            err.printf(Locale.ROOT, "learn: warning: %,d connections of more than %,d addresses not screened%n",
                    screen.notFollowed(), LearnScreen.MAX_GROUPS);
        }
        err.flush();
        return !findings.isEmpty();
    }

    private static long alerts(Ensemble e, double[][] x) {
        return Arrays.stream(e.assess(x)).filter(a -> a.verdict().isAlert()).count();
    }

    /** A uniform sample of at most {@code capacity} rows of a stream (Vitter's algorithm R). */
    private static final class Reservoir {
        private final double[][] rows;
        private final SplittableRandom random;
        private long seen;

        Reservoir(int capacity, long seed) {
            rows = new double[capacity][];
            random = new SplittableRandom(seed);
        }

        void offer(double[] row) {
            seen++;
            if (seen <= rows.length) {
                rows[(int) (seen - 1)] = row;
                return;
            }
            long j = random.nextLong(seen);
            if (j < rows.length) {
                rows[(int) j] = row;
            }
        }

        long seen() {
            return seen;
        }

        double[][] rows() {
            return Arrays.copyOf(rows, (int) Math.min(seen, rows.length));
        }
    }
}

package gatewatch.sensor.cli;

import gatewatch.detector.model.Ensemble;
import gatewatch.sensor.capture.CaptureException;
import gatewatch.sensor.capture.CaptureOpenException;
import gatewatch.sensor.capture.LiveConfig;
import gatewatch.sensor.capture.LiveSource;
import gatewatch.sensor.config.CaptureSection;
import gatewatch.sensor.config.ConfigException;
import gatewatch.sensor.config.ConfigLoader;
import gatewatch.sensor.config.SensorConfig;
import gatewatch.sensor.daemon.PrivilegeDrop;
import gatewatch.sensor.daemon.SensorDaemon;
import gatewatch.sensor.daemon.SystemdNotifier;
import gatewatch.sensor.pipeline.Summary;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gatewatch run --interface IF}: the daemon. Captures until SIGTERM or SIGINT, then flushes
 * open connections, drains the queues, flushes the logs and exits 0. SIGHUP reopens the logs.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Capture live on an interface and alert until SIGTERM (the daemon).")
public final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = {"-i", "--interface"}, paramLabel = "IF", description = "Interface to capture on (overrides capture.interface).")
    String iface;

    @Option(names = "--filter", paramLabel = "BPF", description = "BPF filter (overrides capture.filter).")
    String filter;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "YAML configuration (see the example gatewatch.yaml).")
    Path configFile;

    @Option(names = "--metrics-listen", paramLabel = "HOST:PORT", description = "Metrics endpoint (overrides metrics.listen).")
    String metricsListen;

    @Option(names = "--user", paramLabel = "USER", description = "Started as root: become USER, keeping no capability, once the"
            + " capture, the logs and the metrics port are open (overrides sensor.user; log directories must be writable by USER).")
    String user;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    OutputOptions output;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SensorConfig config = effectiveConfig();
        String ifaceName = config.capture().iface();
        if (ifaceName == null || ifaceName.isBlank()) {
            throw new UsageException("no interface: give --interface IF or capture.interface in the configuration");
        }
        Ensemble ensemble = modelOptions.load(config.detector().model(), config.detector().siteBaseline());
        if (ensemble.site() != null) {
            LOG.info("site baseline: {} connections learned, threshold {}", ensemble.site().connections(),
                    String.format(java.util.Locale.ROOT, "%.4f", ensemble.site().threshold()));
        }
        PrivilegeDrop privileges = new PrivilegeDrop();
        PrivilegeDrop.Account runAs = runAs(privileges, user != null ? user : config.sensor().user());
        LiveConfig live = liveConfig(config.capture(), ifaceName);
        PrintWriter err = spec.commandLine().getErr();
        LiveSource source;
        try {
            source = LiveSource.open(live);
        } catch (CaptureOpenException e) {
            throw new UsageException(e.getMessage());
        }
        try (source; SensorDaemon daemon = new SensorDaemon(config, ensemble, SensorName.resolve(config.sensor().name()), List.of())) {
            InetSocketAddress endpoint;
            try {
                endpoint = daemon.startEndpoint();
            } catch (ConfigException e) {
                throw new UsageException(e.getMessage());
            }
            if (endpoint != null) {
                LOG.info("metrics on http://{}:{}/metrics", endpoint.getHostString(), endpoint.getPort());
            }
            dropPrivileges(privileges, runAs, config);
            SystemdNotifier systemd = SystemdNotifier.fromEnvironment();
            Summary summary = Signals.whileRunning(daemon.pipeline(), () -> {
                try {
                    return daemon.run(source, systemd);
                } catch (CaptureException e) {
                    throw new java.io.UncheckedIOException(e);
                } finally {
                    systemd.stopping();
                }
            });
            SummaryPrinter.print(summary, err);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return ExitCodes.OK;
    }

    /** The account to become, checked before anything is opened; null to stay as started. */
    private static PrivilegeDrop.Account runAs(PrivilegeDrop privileges, String name) {
        if (name == null) {
            if (privileges.euid() == 0 && System.getenv("INVOCATION_ID") == null) {
                LOG.warn("running as root with every capability: give --user USER (or sensor.user) to drop them"
                        + " once the capture is open, or run the systemd unit gatewatch@IF");
            }
            return null;
        }
        PrivilegeDrop.Account account = privileges.lookup(name)
                .orElseThrow(() -> new UsageException("--user / sensor.user: no user '" + name + "' on this system"));
        if (privileges.euid() != 0) {
            LOG.warn("--user / sensor.user {}: not applied, already unprivileged (uid {})", name, privileges.euid());
            return null;
        }
        return account;
    }

    /** After the capture, the logs and the endpoint are open: hand the logs over and become {@code to}. */
    private static void dropPrivileges(PrivilegeDrop privileges, PrivilegeDrop.Account to, SensorConfig config)
            throws java.io.IOException {
        if (to == null) {
            return;
        }
        List<Path> logs = java.util.stream.Stream.of(config.alerts(), config.records())
                .filter(l -> l.enabled()).map(l -> l.path().toAbsolutePath()).toList();
        privileges.handOver(logs, to);
        privileges.dropTo(to);
        LOG.info("now running as {} (uid {}, gid {}), no capabilities", to.name(), to.uid(), to.gid());
        for (Path log : logs) {
            if (!java.nio.file.Files.isWritable(log.getParent())) {
                LOG.warn("{} is not writable by {}: the log {} cannot be rotated or recreated after SIGHUP", log.getParent(),
                        to.name(), log.getFileName());
            }
        }
    }

    private SensorConfig effectiveConfig() {
        SensorConfig c;
        try {
            c = configFile != null ? new ConfigLoader().load(configFile) : SensorConfig.defaults();
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
        try {
            return Overrides.apply(c, iface, filter, metricsListen, output);
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static LiveConfig liveConfig(CaptureSection c, String ifaceName) {
        try {
            LiveConfig l = LiveConfig.of(ifaceName)
                    .withSnaplen(c.snaplen())
                    .withPromiscuous(c.promiscuous())
                    .withBufferSize(c.bufferMib() << 20)
                    .withImmediate(c.immediate())
                    .withTimeoutMillis(c.timeoutMs());
            return c.filter() != null ? l.withFilter(c.filter()) : l;
        } catch (IllegalArgumentException e) {
            throw new UsageException("capture: " + e.getMessage());
        }
    }
}

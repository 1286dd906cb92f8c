package gatewatch.sensor.daemon;

import gatewatch.detector.model.Category;
import gatewatch.detector.model.Ensemble;
import gatewatch.sensor.alert.JsonLinesLog;
import gatewatch.sensor.alert.LogWriteMetrics;
import gatewatch.sensor.capture.CaptureException;
import gatewatch.sensor.capture.PacketSource;
import gatewatch.sensor.capture.PcapInfo;
import gatewatch.sensor.config.SensorConfig;
import gatewatch.sensor.forward.Forwarder;
import gatewatch.sensor.forward.ForwarderMetrics;
import gatewatch.sensor.http.Health;
import gatewatch.sensor.http.HttpServer;
import gatewatch.sensor.http.HttpServerConfig;
import gatewatch.sensor.http.QueueDropCheck;
import gatewatch.sensor.metrics.AlertMetrics;
import gatewatch.sensor.metrics.BuildInfoMetrics;
import gatewatch.sensor.metrics.CaptureMetrics;
import gatewatch.sensor.metrics.DetectorMetrics;
import gatewatch.sensor.metrics.ExtractorMetrics;
import gatewatch.sensor.metrics.FrameBytes;
import gatewatch.sensor.stats.StatsCollector;
import gatewatch.sensor.stats.StatsReporter;
import gatewatch.features.decode.FrameHandler;
import gatewatch.sensor.metrics.JvmMetrics;
import gatewatch.sensor.metrics.QueueMetrics;
import gatewatch.sensor.metrics.QueueView;
import gatewatch.sensor.metrics.VerdictMetrics;
import gatewatch.sensor.pipeline.AlertListener;
import gatewatch.sensor.pipeline.FullQueuePolicy;
import gatewatch.sensor.pipeline.Outputs;
import gatewatch.sensor.pipeline.Pipeline;
import gatewatch.sensor.pipeline.PipelineSettings;
import gatewatch.sensor.pipeline.StageQueue;
import gatewatch.sensor.pipeline.Summary;
import gatewatch.features.extract.FeatureExtractor.ExtractorConfig;
import gatewatch.features.content.ContentConfig;
import gatewatch.features.window.WindowConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon behind {@code gatewatch run}: the pipeline on a live source with the drop-and-count
 * policy, the alert and records logs, the forwarders, and the metrics/health (and optional
 * scoring) endpoint, assembled from the configuration and taken down in order.
 */
public final class SensorDaemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SensorDaemon.class);

    private final SensorConfig config;
    private final EventLoopGroup group;
    private final JsonLinesLog alerts;
    private final JsonLinesLog records;
    private final List<Forwarder> forwarders;
    private final Pipeline pipeline;
    private final PrometheusMeterRegistry registry;
    private final JvmMetrics jvm = new JvmMetrics();
    private final HttpServer http;
    private volatile boolean capturing;
    private volatile String captureProblem;
    private final String sensorName;
    private volatile FrameBytes frameBytes;

    public SensorDaemon(SensorConfig config, Ensemble ensemble, String sensorName, List<AlertListener> extraListeners)
            throws IOException {
        this.config = config;
        this.sensorName = sensorName;
        this.group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        this.alerts = new JsonLinesLog(config.alerts().toLogFileConfig());
        this.records = config.records().enabled() ? new JsonLinesLog(config.records().toLogFileConfig()) : null;
        this.forwarders = Forwarders.create(config.forwarders(), sensorName, group);
        List<AlertListener> listeners = new ArrayList<>(extraListeners);
        listeners.add(new ForwardingListener(forwarders));
        VerdictMetrics verdicts = new VerdictMetrics();
        PipelineSettings settings = new PipelineSettings(
                new ExtractorConfig(config.connections().max(), config.connections().timeouts().toTimeouts(),
                        ContentConfig.defaults(), WindowConfig.defaults()),
                config.pipeline().recordQueue(), config.pipeline().verdictQueue(), config.pipeline().batchSize());
        this.pipeline = new Pipeline(settings, FullQueuePolicy.DROP, ensemble,
                new Outputs(alerts, null, records, listeners, sensorName, config.alertLimit().toAlertLimit(),
                        config.capture().iface()), verdicts::record);

        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ExtractorMetrics(pipeline.extractor()).bindTo(registry);
        List<QueueView> queues = List.of(view(pipeline.recordQueue()), view(pipeline.verdictQueue()),
                view(pipeline.noticeQueue()));
        new QueueMetrics(queues).bindTo(registry);
        new AlertMetrics(c -> pipeline.sink().alerts(c), c -> pipeline.sink().suppressed(c),
                () -> pipeline.sink().siteTypical()).bindTo(registry);
        verdicts.bindTo(registry);
        new DetectorMetrics(pipeline.detector()::scored, pipeline.detector()::memoHits).bindTo(registry);
        new ForwarderMetrics(forwarders).bindTo(registry);
        new LogWriteMetrics(alerts, records).bindTo(registry);
        jvm.bindTo(registry);
        new BuildInfoMetrics(BuildInfoMetrics.gatewatchVersion(), ensemble.modelVersion(), libpcapVersion()).bindTo(registry);
        Supplier<Health> captureCheck =
                () -> capturing ? Health.OK : Health.unhealthy(captureProblem != null ? captureProblem : "capture not running");
        Supplier<Health> health = Health.all(List.of(captureCheck, new QueueDropCheck(queues), logCheck(alerts),
                logCheck(records)));
        // The API scores on one thread of its own (HttpServer), so one scorer with its scratch serves it.
        this.http = config.metrics().enabled()
                ? new HttpServer(HttpServerConfig.of(config.metrics()), group, registry, health,
                        config.metrics().scoreApi() ? ensemble.scorer(0)::scoreBatch : null)
                : null;
    }

    /** Starts the metrics endpoint (fails naming {@code metrics.listen} when it cannot bind). */
    public InetSocketAddress startEndpoint() {
        return http != null ? http.start() : null;
    }

    /**
     * Captures from {@code source} until {@link #stop()}; returns once every open connection has
     * become a record and every record has been scored and written.
     *
     * @param systemd told when capture runs (readiness), kept alive from the capture loop (watchdog)
     */
    public Summary run(PacketSource source, SystemdNotifier systemd) throws CaptureException {
        new CaptureMetrics(source::stats, null).bindTo(registry);
        boolean stats = !config.statsInterval().isZero();
        if (stats) {
            pipeline.sink().reportStats(new StatsReporter(
                    new StatsCollector(pipeline, source::stats, () -> frameBytes != null ? frameBytes.wireBytes() : 0)::snapshot,
                    config.statsInterval(), sensorName, config.capture().iface(), System.nanoTime()));
        }
        capturing = true;
        LOG.info("capturing on {}", source.name());
        systemd.ready();
        try {
            boolean watchdog = systemd.watchdogIntervalNanos() > 0;
            return pipeline.live(source, h -> {
                FrameHandler inner = watchdog ? new WatchdogHandler(h, systemd) : h;
                // Bytes for the stats events: two additions per frame, only when they are on.
                return stats ? (frameBytes = new FrameBytes(inner)) : inner;
            });
        } catch (CaptureException e) {
            captureProblem = "capture failed: " + e.getMessage();
            throw e;
        } finally {
            capturing = false;
            LOG.info("capture on {} stopped", source.name());
        }
    }

    public void stop() {
        pipeline.stop();
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public long alerts(Category c) {
        return pipeline.sink().alerts(c);
    }

    /** Unhealthy while the log cannot be written: the record of truth is losing lines (capture goes on). */
    private static Supplier<Health> logCheck(JsonLinesLog log) {
        return () -> {
            String problem = log != null ? log.problem() : null;
            return problem == null ? Health.OK
                    : Health.unhealthy(log.path() + ": cannot write (" + problem + "); " + log.lost() + " lines lost");
        };
    }

    /** The number of libpcap's version line ({@code libpcap version 1.10.3 (with TPACKET_V3)}), or {@code unknown}. */
    private static String libpcapVersion() {
        try {
            String line = PcapInfo.libraryVersion();
            return line.startsWith("libpcap version ") ? line.substring("libpcap version ".length()) : line;
        } catch (RuntimeException | LinkageError e) {
            return "unknown";
        }
    }

    private static QueueView view(StageQueue<?> q) {
        return new QueueView() {
            @Override
            public String name() {
                return q.name();
            }

            @Override
            public int depth() {
                return q.depth();
            }

            @Override
            public int capacity() {
                return q.capacity();
            }

            @Override
            public long offered() {
                return q.offered();
            }

            @Override
            public long dropped() {
                return q.dropped();
            }
        };
    }

    /** Forwarders get their close timeout to deliver; then the endpoint, the logs and the event loops go. */
    @Override
    public void close() throws IOException {
        for (Forwarder f : forwarders) {
            f.close();
        }
        if (http != null) {
            http.close();
        }
        jvm.close();
        try {
            alerts.close();
        } finally {
            if (records != null) {
                records.close();
            }
            group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    public SensorConfig config() {
        return config;
    }
}

package gatewatch.sensor.config;

import java.time.Duration;
import java.util.List;

/**
 * The sensor's configuration file (YAML), section by section. Every key is documented in the
 * shipped example, {@code packaging/src/main/conf/gatewatch.yaml}. Missing sections and keys take
 * their defaults; an unknown key or a bad value fails at start naming the key
 * ({@link ConfigLoader}).
 */
public record SensorConfig(
        SensorSection sensor,
        CaptureSection capture,
        ConnectionsSection connections,
        PipelineSection pipeline,
        DetectorSection detector,
        LogSection alerts,
        LogSection records,
        List<ForwarderSection> forwarders,
        MetricsSection metrics,
        AlertLimitSection alertLimit,
        Duration statsInterval) {

    /** {@code stats_interval}: Suricata's default is 8 s; a line a minute is plenty for a log a person reads. */
    public static final Duration DEFAULT_STATS_INTERVAL = Duration.ofSeconds(60);

    public SensorConfig {
        sensor = sensor != null ? sensor : new SensorSection(null, null);
        capture = capture != null ? capture : CaptureSection.defaults();
        connections = connections != null ? connections : ConnectionsSection.defaults();
        pipeline = pipeline != null ? pipeline : PipelineSection.defaults();
        detector = detector != null ? detector : new DetectorSection(null, null);
        alerts = alerts == null ? LogSection.alertDefaults()
                // A section that sets some keys keeps the default file: the alert log is never off by omission.
                : alerts.path() == null ? alerts.withPath(LogSection.alertDefaults().path()) : alerts;
        alerts.validate("alerts");
        records = records != null ? records : LogSection.off();
        records.validate("records");
        forwarders = forwarders != null ? List.copyOf(forwarders) : List.of();
        for (int i = 0; i < forwarders.size(); i++) {
            forwarders.get(i).validate("forwarders[" + i + "]");
        }
        ForwarderSection.requireDistinctNames(forwarders);
        metrics = metrics != null ? metrics : MetricsSection.defaults();
        alertLimit = alertLimit != null ? alertLimit : AlertLimitSection.defaults();
        statsInterval = statsInterval != null ? statsInterval : DEFAULT_STATS_INTERVAL;
        if (statsInterval.isNegative()) {
            throw new ConfigException("stats_interval: must be 0s (off) or positive, got " + statsInterval);
        }
    }

    /** As the canonical constructor, with the default {@code stats_interval}. */
    public SensorConfig(SensorSection sensor, CaptureSection capture, ConnectionsSection connections,
            PipelineSection pipeline, DetectorSection detector, LogSection alerts, LogSection records,
            List<ForwarderSection> forwarders, MetricsSection metrics, AlertLimitSection alertLimit) {
        this(sensor, capture, connections, pipeline, detector, alerts, records, forwarders, metrics, alertLimit, null);
    }

    // Withers: each returns a copy with one section replaced (the command line's overrides), so
    // that no caller rebuilds the eleven components by position.

    public SensorConfig withSensor(SensorSection s) {
        return new SensorConfig(s, capture, connections, pipeline, detector, alerts, records, forwarders, metrics,
                alertLimit, statsInterval);
    }

    public SensorConfig withCapture(CaptureSection c) {
        return new SensorConfig(sensor, c, connections, pipeline, detector, alerts, records, forwarders, metrics,
                alertLimit, statsInterval);
    }

    public SensorConfig withAlerts(LogSection a) {
        return new SensorConfig(sensor, capture, connections, pipeline, detector, a, records, forwarders, metrics,
                alertLimit, statsInterval);
    }

    public SensorConfig withRecords(LogSection r) {
        return new SensorConfig(sensor, capture, connections, pipeline, detector, alerts, r, forwarders, metrics,
                alertLimit, statsInterval);
    }

    public SensorConfig withMetrics(MetricsSection m) {
        return new SensorConfig(sensor, capture, connections, pipeline, detector, alerts, records, forwarders, m,
                alertLimit, statsInterval);
    }

    public SensorConfig withAlertLimit(AlertLimitSection l) {
        return new SensorConfig(sensor, capture, connections, pipeline, detector, alerts, records, forwarders, metrics,
                l, statsInterval);
    }

    /** Every default: what a missing file means. */
    public static SensorConfig defaults() {
        return new SensorConfig(null, null, null, null, null, null, null, null, null, null, null);
    }
}

package gatewatch.sensor.config;

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
        AlertLimitSection alertLimit) {

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
        metrics = metrics != null ? metrics : MetricsSection.defaults();
        alertLimit = alertLimit != null ? alertLimit : AlertLimitSection.defaults();
    }

    /** Every default: what a missing file means. */
    public static SensorConfig defaults() {
        return new SensorConfig(null, null, null, null, null, null, null, null, null, null);
    }
}

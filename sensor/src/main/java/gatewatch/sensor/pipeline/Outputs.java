package gatewatch.sensor.pipeline;

import gatewatch.sensor.alert.AlertLimit;
import gatewatch.sensor.alert.JsonLinesLog;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/**
 * Where the sink stage writes.
 *
 * @param alerts      the alert log, or null to write alerts as lines to {@code alertStream}
 * @param alertStream stdout for a replay without an alert log; null when {@code alerts} is set or alerts only go to listeners
 * @param records     the records log ({@code --records}), or null
 * @param listeners   see every scored connection (forwarders, the demo's display)
 * @param sensorName  the {@code sensor} field of every event
 * @param alertLimit  alerts written in full per victim or source and window; the rest are summarised
 * @param inIface     the {@code in_iface} field of connection events (the live interface), or null (a replay)
 */
public record Outputs(JsonLinesLog alerts, OutputStream alertStream, JsonLinesLog records, List<AlertListener> listeners,
        String sensorName, AlertLimit alertLimit, String inIface) {
    public Outputs {
        listeners = List.copyOf(listeners);
        Objects.requireNonNull(alertLimit, "alertLimit");
    }

    /** The alert log, or else the alert stream, or nothing (alerts only go to listeners). */
    public List<AlertSink> alertSinks() {
        if (alerts != null) {
            return List.of(AlertSink.logFile("alerts", alerts));
        }
        return alertStream == null ? List.of() : List.of(AlertSink.stream(alertStream));
    }

    /** The records log, if any. */
    public List<AlertSink> recordSinks() {
        return records == null ? List.of() : List.of(AlertSink.logFile("records", records));
    }

    /** Outputs of a replay: no {@code in_iface}. */
    public Outputs(JsonLinesLog alerts, OutputStream alertStream, JsonLinesLog records, List<AlertListener> listeners,
            String sensorName, AlertLimit alertLimit) {
        this(alerts, alertStream, records, listeners, sensorName, alertLimit, null);
    }
}

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
 */
public record Outputs(JsonLinesLog alerts, OutputStream alertStream, JsonLinesLog records, List<AlertListener> listeners,
        String sensorName, AlertLimit alertLimit) {
    public Outputs {
        listeners = List.copyOf(listeners);
        Objects.requireNonNull(alertLimit, "alertLimit");
    }
}

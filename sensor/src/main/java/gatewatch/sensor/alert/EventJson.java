package gatewatch.sensor.alert;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import gatewatch.detector.model.Verdict;
import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.sensor.output.FeatureJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON of an alert (and of a connection record for {@code --records}): Suricata's EVE header
 * names ({@code timestamp}, {@code event_type}, {@code src_ip}, {@code dest_ip}, ...), then
 * {@code flow}, {@code alert} and the 41 {@code features}, as DESIGN.md specifies.
 *
 * <p>One instance per thread (it reuses its buffer).
 */
public final class EventJson {
    private final JsonFactory factory = new JsonFactory();
    private final ByteArrayBuilder buffer = new ByteArrayBuilder(2048);
    private final String sensor;
    private final FeatureJson numbers = new FeatureJson();

    public EventJson(String sensor) {
        this.sensor = sensor;
    }

    /** ISO-8601 in UTC with microseconds, e.g. {@code 2026-11-22T00:43:07.123456Z}. */
    public static String timestamp(long epochNanos) {
        return IsoTimestamp.format(epochNanos);
    }

    /** An alert line: {@code event_type} = {@code alert}. */
    public byte[] alert(ConnectionRecord record, Verdict verdict) {
        return event("alert", record, verdict);
    }

    /** A connection line for the records log: {@code event_type} = {@code connection}, with its verdict. */
    public byte[] connection(ConnectionRecord record, Verdict verdict) {
        return event("connection", record, verdict);
    }

    private byte[] event(String type, ConnectionRecord record, Verdict verdict) {
        buffer.reset();
        ConnectionSummary c = record.conn();
        try (JsonGenerator g = factory.createGenerator(buffer, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("timestamp", timestamp(c.endNanos()));
            g.writeStringField("event_type", type);
            g.writeStringField("sensor", sensor);
            g.writeStringField("src_ip", c.origAddress().toString());
            g.writeNumberField("src_port", c.origPort());
            g.writeStringField("dest_ip", c.respAddress().toString());
            g.writeNumberField("dest_port", c.respPort());
            g.writeStringField("proto", c.transport().toUpperCase(java.util.Locale.ROOT));
            g.writeObjectFieldStart("flow");
            g.writeStringField("service", c.service().kddName());
            g.writeStringField("flag", c.kddFlag().kddName());
            g.writeStringField("conn_state", c.zeekState().kddName());
            g.writeStringField("history", c.history());
            g.writeFieldName("duration");
            numbers.writeSeconds(g, c.endNanos() - c.startNanos());
            g.writeNumberField("bytes_toserver", c.origBytes());
            g.writeNumberField("bytes_toclient", c.respBytes());
            g.writeNumberField("pkts_toserver", c.origPackets());
            g.writeNumberField("pkts_toclient", c.respPackets());
            g.writeStringField("start", timestamp(c.startNanos()));
            g.writeStringField("end", timestamp(c.endNanos()));
            g.writeEndObject();
            g.writeObjectFieldStart("alert");
            g.writeStringField("category", verdict.category().externalName());
            g.writeStringField("label", verdict.label());
            g.writeFieldName("confidence");
            numbers.writeRaw(g, verdict.confidence(), 4);
            g.writeFieldName("anomaly_score");
            numbers.writeRaw(g, verdict.anomalyScore(), 4);
            g.writeArrayFieldStart("reasons");
            for (String r : verdict.reasons()) {
                g.writeString(r);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("features");
            numbers.write(g, record.features());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

}

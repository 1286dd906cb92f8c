package gatewatch.sensor.stats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import gatewatch.detector.model.Category;
import gatewatch.sensor.alert.EventJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code event_type} = {@code stats} lines for the alert log: Suricata's periodic counters
 * (frames, bytes, drops by cause, malformed frames by reason, connections, alerts by category,
 * suppressed alerts; all totals since the start) with a {@code capture_loss} part per interval,
 * as Zeek's capture_loss.log has it: frames seen and lost in the interval and the percentage
 * lost. Called by the sink thread only, which owns the alert log.
 */
public final class StatsReporter {
    private static final JsonFactory JSON = new JsonFactory();
    private final Supplier<StatsSnapshot> source;
    private final long intervalNanos;
    private final String sensor;
    private final String inIface;
    private final long startMono;
    private long lastMono;
    private StatsSnapshot last;

    /**
     * @param interval time between lines (monotonic clock), or zero for a single line at the end
     * @param inIface  the live interface, or null
     */
    public StatsReporter(Supplier<StatsSnapshot> source, Duration interval, String sensor, String inIface, long nowMono) {
        this.source = source;
        this.intervalNanos = interval.toNanos();
        this.sensor = sensor;
        this.inIface = inIface;
        this.startMono = nowMono;
        this.lastMono = nowMono;
    }

    /** A line when an interval has passed since the last one, else null. */
    public byte[] lineIfDue(long nowMono) {
        if (intervalNanos <= 0 || nowMono - lastMono < intervalNanos) {
            return null;
        }
        return line(nowMono);
    }

    /** The last line, when the run ends: what happened since the previous one. */
    public byte[] finalLine(long nowMono) {
        return line(nowMono);
    }

    private byte[] line(long nowMono) {
        StatsSnapshot now = source.get();
        StatsSnapshot before = last;
        long intervalNs = nowMono - lastMono;
        last = now;
        lastMono = nowMono;
        Instant wall = Instant.now();
        return render(now, before, wall.getEpochSecond() * 1_000_000_000L + wall.getNano(), nowMono - startMono, intervalNs);
    }

    byte[] render(StatsSnapshot s, StatsSnapshot before, long wallNanos, long uptimeNanos, long intervalNanos) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("timestamp", EventJson.timestamp(wallNanos));
            if (inIface != null) {
                g.writeStringField("in_iface", inIface);
            }
            g.writeStringField("event_type", "stats");
            g.writeStringField("sensor", sensor);
            g.writeObjectFieldStart("stats");
            g.writeNumberField("uptime", uptimeNanos / 1_000_000_000L);
            g.writeObjectFieldStart("capture");
            g.writeNumberField("frames", s.frames());
            if (s.wireBytes() >= 0) {
                g.writeNumberField("bytes", s.wireBytes());
            }
            g.writeNumberField("kernel_packets", s.received());
            g.writeNumberField("kernel_drops", s.kernelDrops());
            g.writeNumberField("kernel_ifdrops", s.interfaceDrops());
            g.writeNumberField("queue_drops", s.queueDrops());
            g.writeEndObject();
            g.writeObjectFieldStart("decoder");
            g.writeNumberField("malformed", s.malformed());
            g.writeObjectFieldStart("malformed_by_reason");
            for (Map.Entry<String, Long> e : s.malformedByReason().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeObjectFieldStart("flow");
            g.writeNumberField("connections", s.connections());
            g.writeNumberField("evicted", s.evicted());
            g.writeEndObject();
            g.writeObjectFieldStart("detect");
            g.writeNumberField("alerts", s.alerts());
            g.writeObjectFieldStart("alerts_by_category");
            for (Category c : Category.values()) {
                if (c != Category.NORMAL) {
                    g.writeNumberField(c.externalName(), s.alertsByCategory().getOrDefault(c, 0L));
                }
            }
            g.writeEndObject();
            g.writeNumberField("suppressed", s.suppressed());
            g.writeNumberField("site_typical", s.siteTypical());
            g.writeEndObject();
            g.writeEndObject();
            writeCaptureLoss(g, s, before, intervalNanos);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the stats event", e);
        }
        return out.toByteArray();
    }

    /** Zeek's capture_loss for the interval: frames offered to the sensor, those lost, and the percentage. */
    private static void writeCaptureLoss(JsonGenerator g, StatsSnapshot s, StatsSnapshot before, long intervalNanos)
            throws IOException {
        long frames = s.frames() - (before != null ? before.frames() : 0);
        long dropped = s.captureDrops() - (before != null ? before.captureDrops() : 0);
        long received = s.received() - (before != null ? before.received() : 0);
        // libpcap counts its drops among the received on Linux, not elsewhere: take the larger view.
        long offered = Math.max(received, frames + dropped);
        g.writeObjectFieldStart("capture_loss");
        g.writeNumberField("ts_delta", Math.round(intervalNanos / 1e6) / 1e3);
        g.writeNumberField("frames", frames);
        g.writeNumberField("dropped", dropped);
        g.writeFieldName("percent_lost");
        g.writeRawValue(String.format(Locale.ROOT, "%.3f", offered > 0 ? 100.0 * dropped / offered : 0.0));
        g.writeEndObject();
    }
}

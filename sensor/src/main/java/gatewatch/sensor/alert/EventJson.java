package gatewatch.sensor.alert;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import gatewatch.detector.model.Verdict;
import gatewatch.features.notice.ArpSpoofNotice;
import gatewatch.features.notice.DhcpFloodNotice;
import gatewatch.features.notice.LinkAddresses;
import gatewatch.features.notice.Notice;
import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.sensor.json.ConnectionJson;
import gatewatch.sensor.json.IsoTimestamp;
import gatewatch.sensor.json.JsonLines;
import gatewatch.sensor.json.JsonValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lines of the alert log and the records log: Suricata's EVE header names
 * ({@code timestamp}, {@code flow_id}, {@code event_type}, {@code src_ip}, {@code dest_ip}, ...),
 * then {@code flow}, {@code alert} and the 41 {@code features}, as DESIGN.md specifies, all
 * written by {@link ConnectionJson} as {@code features --json} writes them. Live events carry
 * {@code in_iface}, the capture interface.
 *
 * <p>One instance per thread (it reuses its generator and buffer).
 */
public final class EventJson {
    private static final SerializableString IN_IFACE = new SerializedString("in_iface");
    private static final SerializableString EVENT_TYPE = new SerializedString("event_type");
    private static final SerializableString SENSOR = new SerializedString("sensor");
    private static final SerializableString ALERT = new SerializedString("alert");
    private static final SerializableString CONNECTION = new SerializedString("connection");

    private final JsonLines lines = new JsonLines();
    private final JsonValues values = new JsonValues();
    private final ConnectionJson json = new ConnectionJson(values);
    private final String sensor;
    private final String inIface;

    public EventJson(String sensor) {
        this(sensor, null);
    }

    /**
     * @param sensor  the {@code sensor} field (Suricata's {@code host}: the sensor's name)
     * @param inIface the capture interface ({@code in_iface}), or null for a replay of files
     */
    public EventJson(String sensor, String inIface) {
        this.sensor = sensor;
        this.inIface = inIface;
    }

    /** ISO-8601 in UTC with microseconds, e.g. {@code 2026-11-22T00:43:07.123456Z}. */
    public static String timestamp(long epochNanos) {
        return IsoTimestamp.format(epochNanos);
    }

    /** An alert line: {@code event_type} = {@code alert}. */
    public byte[] alert(ConnectionRecord record, Verdict verdict) {
        return event(ALERT, record, verdict);
    }

    /** A connection line for the records log: {@code event_type} = {@code connection}, with its verdict. */
    public byte[] connection(ConnectionRecord record, Verdict verdict) {
        return event(CONNECTION, record, verdict);
    }

    private byte[] event(SerializableString type, ConnectionRecord record, Verdict verdict) {
        ConnectionSummary c = record.conn();
        JsonGenerator g = lines.generator();
        try {
            g.writeStartObject();
            json.header(g, c);
            if (inIface != null) {
                g.writeFieldName(IN_IFACE);
                g.writeString(inIface);
            }
            g.writeFieldName(EVENT_TYPE);
            g.writeString(type);
            g.writeFieldName(SENSOR);
            g.writeString(sensor);
            json.endpoints(g, c);
            json.flow(g, c);
            g.writeFieldName(ALERT);
            g.writeStartObject();
            json.verdict(g, verdict);
            g.writeEndObject();
            json.features(g, record.features());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // into a byte buffer: does not happen
        }
        return lines.take();
    }

    /**
     * A notice's alert line: {@code event_type} = {@code alert}, no {@code flow_id} (it is no one
     * flow), the category of {@link NoticeCategory}, the notice's label, and its evidence under a
     * key of its own (docs/EVENTS.md, "Notices"):
     * <ul>
     *   <li>ARP poisoning: {@code proto} {@code ARP}, the claimed address as {@code src_ip} and the
     *   MAC claiming it as {@code src_mac}, the poisoned host as {@code dest_ip} and {@code dest_mac};
     *   {@code arp}.</li>
     *   <li>A DHCP flood: {@code proto} {@code UDP}, the last message's addresses and ports 68 and
     *   67, the client's hardware address as {@code src_mac}; {@code dhcp}.</li>
     * </ul>
     */
    public byte[] notice(Notice n) {
        JsonGenerator g = lines.generator();
        try {
            g.writeStartObject();
            g.writeFieldName("timestamp");
            values.timestamp(g, n.tsNanos());
            if (inIface != null) {
                g.writeFieldName(IN_IFACE);
                g.writeString(inIface);
            }
            g.writeFieldName(EVENT_TYPE);
            g.writeString(ALERT);
            g.writeFieldName(SENSOR);
            g.writeString(sensor);
            switch (n) {
                case ArpSpoofNotice a -> arpSpoof(g, a);
                case DhcpFloodNotice d -> dhcpFlood(g, d);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines.take();
    }

    private static void arpSpoof(JsonGenerator g, ArpSpoofNotice a) throws IOException {
        g.writeStringField("src_ip", LinkAddresses.ipv4(a.claimedIp()));
        g.writeStringField("dest_ip", LinkAddresses.ipv4(a.targetIp()));
        g.writeStringField("proto", "ARP");
        g.writeStringField("src_mac", LinkAddresses.mac(a.mac()));
        g.writeStringField("dest_mac", LinkAddresses.mac(a.targetMac()));
        String owner = a.ownerMac() >= 0 ? " (held by " + LinkAddresses.mac(a.ownerMac()) + ")" : "";
        noticeAlert(g, a, String.format(Locale.ROOT, "%d ARP replies nobody asked for in %.1f s: %s is at %s%s",
                a.unsolicited(), seconds(a.firstNanos(), a.tsNanos()), LinkAddresses.ipv4(a.claimedIp()),
                LinkAddresses.mac(a.mac()), owner));
        g.writeObjectFieldStart("arp");
        g.writeStringField("claimed_ip", LinkAddresses.ipv4(a.claimedIp()));
        g.writeStringField("mac", LinkAddresses.mac(a.mac()));
        if (a.ownerMac() >= 0) {
            g.writeStringField("owner_mac", LinkAddresses.mac(a.ownerMac()));
        }
        g.writeStringField("target_ip", LinkAddresses.ipv4(a.targetIp()));
        g.writeStringField("target_mac", LinkAddresses.mac(a.targetMac()));
        g.writeNumberField("unsolicited_replies", a.unsolicited());
        g.writeStringField("first", timestamp(a.firstNanos()));
        g.writeEndObject();
    }

    private static void dhcpFlood(JsonGenerator g, DhcpFloodNotice d) throws IOException {
        g.writeStringField("src_ip", LinkAddresses.ipv4(d.lastSrcIp()));
        g.writeNumberField("src_port", 68);
        g.writeStringField("dest_ip", LinkAddresses.ipv4(d.lastDstIp()));
        g.writeNumberField("dest_port", 67);
        g.writeStringField("proto", "UDP");
        g.writeStringField("src_mac", LinkAddresses.mac(d.clientMac()));
        noticeAlert(g, d, String.format(Locale.ROOT, "%d DHCP client messages in %.1f s from client %s",
                d.messages(), seconds(d.firstNanos(), d.tsNanos()), LinkAddresses.mac(d.clientMac())));
        g.writeObjectFieldStart("dhcp");
        g.writeStringField("client_mac", LinkAddresses.mac(d.clientMac()));
        g.writeNumberField("client_messages", d.messages());
        g.writeStringField("first", timestamp(d.firstNanos()));
        g.writeEndObject();
    }

    private static void noticeAlert(JsonGenerator g, Notice n, String reason) throws IOException {
        g.writeObjectFieldStart("alert");
        g.writeStringField("category", NoticeCategory.of(n).externalName());
        g.writeStringField("label", n.label());
        g.writeNumberField("confidence", 1.0);
        g.writeArrayFieldStart("reasons");
        g.writeString(reason);
        g.writeEndArray();
        g.writeEndObject();
    }

    private static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }

    /**
     * A closed window of an {@link AlertLimit} key: {@code event_type} = {@code alert_suppressed},
     * the key's address as {@code dest_ip} or {@code src_ip}, the alerts' {@code category}, and how
     * many alerts were counted here instead of written, when, and with which labels.
     */
    public byte[] suppressed(Suppression s) {
        JsonGenerator g = lines.generator();
        try {
            g.writeStartObject();
            g.writeFieldName("timestamp");
            values.timestamp(g, s.closedNanos());
            g.writeStringField("event_type", "alert_suppressed");
            g.writeStringField("sensor", sensor);
            g.writeStringField(s.track() == Suppression.Track.BY_DEST ? "dest_ip" : "src_ip", s.address().toString());
            g.writeObjectFieldStart("alert");
            g.writeStringField("category", s.category().externalName());
            g.writeEndObject();
            g.writeObjectFieldStart("suppressed");
            g.writeStringField("track", s.track().externalName());
            g.writeNumberField("count", s.suppressed());
            g.writeNumberField("written", s.written());
            g.writeFieldName("first");
            values.timestamp(g, s.firstNanos());
            g.writeFieldName("last");
            values.timestamp(g, s.lastNanos());
            g.writeFieldName("window_start");
            values.timestamp(g, s.windowStart());
            g.writeFieldName("window_seconds");
            values.fixed(g, s.windowNanos() / 1_000_000, 3);
            g.writeObjectFieldStart("labels");
            for (Map.Entry<String, Long> e : new TreeMap<>(s.labels()).entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines.take();
    }
}

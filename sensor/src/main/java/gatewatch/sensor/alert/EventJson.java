package gatewatch.sensor.alert;

import gatewatch.detector.model.Verdict;
import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.kdd.KddCsv;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddRecord;
import gatewatch.sensor.output.CommunityId;
import gatewatch.sensor.output.FlowId;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON of an alert (and of a connection record for {@code --records}): Suricata's EVE header
 * names ({@code timestamp}, {@code event_type}, {@code src_ip}, {@code dest_ip}, ...), then
 * {@code flow}, {@code alert} and the 41 {@code features}, as DESIGN.md specifies. Each
 * connection event carries {@code flow_id} ({@link FlowId}: the same number on a connection's
 * alert and its records line) and {@code community_id} ({@link CommunityId}), and live events
 * {@code in_iface}, the capture interface.
 *
 * <p>One instance per thread (it reuses its buffer).
 */
public final class EventJson {
    private static final KddFeature[] FEATURES = KddFeature.values();
    private static final String[][] SYMBOLS = new String[FEATURES.length][];

    static {
        for (KddFeature f : FEATURES) {
            if (f.isSymbolic()) {
                SYMBOLS[f.ordinal()] = f.symbolNames().toArray(String[]::new);
            }
        }
    }

    private final JsonBytes out = new JsonBytes();
    private final CommunityId communityId = new CommunityId();
    private final String sensor;
    private final String inIface;
    private ConnectionSummary lastConnection;
    private String lastCommunityId;

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

    /** The alert and the records line of one connection are written one after the other: hash it once. */
    private String communityIdOf(ConnectionSummary c) {
        if (c != lastConnection) {
            lastConnection = c;
            lastCommunityId = communityId.of(c);
        }
        return lastCommunityId;
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
        ConnectionSummary c = record.conn();
        JsonBytes j = out;
        j.reset();
        j.startObject();
        j.name("timestamp").ascii(timestamp(c.endNanos()));
        j.name("flow_id").number(FlowId.of(c));
        if (inIface != null) {
            j.name("in_iface").string(inIface);
        }
        j.name("event_type").ascii(type);
        j.name("sensor").string(sensor);
        j.name("src_ip").ascii(c.origAddress().toString());
        j.name("src_port").number(c.origPort());
        j.name("dest_ip").ascii(c.respAddress().toString());
        j.name("dest_port").number(c.respPort());
        j.name("proto").ascii(c.ipProtocol() == 58 ? "IPv6-ICMP" : c.transport().toUpperCase(java.util.Locale.ROOT));
        if (c.ipProtocol() == 1 || c.ipProtocol() == 58) {
            j.name("icmp_type").number(c.icmpType());
            j.name("icmp_code").number(c.icmpCode());
        }
        j.name("community_id").ascii(communityIdOf(c));
        j.name("flow").startObject();
        j.name("service").ascii(c.service().kddName());
        j.name("flag").ascii(c.kddFlag().kddName());
        j.name("conn_state").ascii(c.zeekState().kddName());
        j.name("history").ascii(c.history());
        j.name("duration").fixed(Math.max(0, c.endNanos() - c.startNanos()) / 1000, 6);
        j.name("bytes_toserver").number(c.origBytes());
        j.name("bytes_toclient").number(c.respBytes());
        j.name("pkts_toserver").number(c.origPackets());
        j.name("pkts_toclient").number(c.respPackets());
        j.name("start").ascii(timestamp(c.startNanos()));
        j.name("end").ascii(timestamp(c.endNanos()));
        // Still open when the capture ended or the sensor stopped: its flag is where it was cut off.
        j.name("open_at_end").bool(c.openAtEnd());
        j.endObject();
        j.name("alert").startObject();
        j.name("category").ascii(verdict.category().externalName());
        j.name("label").ascii(verdict.label());
        j.name("confidence").fixed(Math.round(verdict.confidence() * 10_000), 4);
        j.name("anomaly_score").fixed(Math.round(verdict.anomalyScore() * 10_000), 4);
        j.name("reasons").startArray();
        for (String r : verdict.reasons()) {
            j.ascii(r);
        }
        j.endArray();
        j.endObject();
        j.name("features").startObject();
        KddRecord f = record.features();
        for (KddFeature feature : FEATURES) {
            double v = f.get(feature);
            j.name(feature.kddName());
            if (feature.isSymbolic()) {
                j.ascii(SYMBOLS[feature.ordinal()][(int) v]);
            } else if (KddCsv.isRate(feature)) {
                // Half-up to two decimals, as the KDD files write rates (and KddCsv does).
                j.fixed((long) Math.floor(Math.abs(v) * 100 + 0.5 + 1e-9), 2);
            } else {
                j.number((long) v);
            }
        }
        j.endObject();
        j.endObject();
        return j.toByteArray();
    }

    /**
     * A closed window of an {@link AlertLimit} key: {@code event_type} = {@code alert_suppressed},
     * the key's address as {@code dest_ip} or {@code src_ip}, the alerts' {@code category}, and how
     * many alerts were counted here instead of written, when, and with which labels.
     */
    public byte[] suppressed(Suppression s) {
        JsonBytes j = out;
        j.reset();
        j.startObject();
        j.name("timestamp").ascii(timestamp(s.closedNanos()));
        j.name("event_type").ascii("alert_suppressed");
        j.name("sensor").string(sensor);
        j.name(s.track() == Suppression.Track.BY_DEST ? "dest_ip" : "src_ip").ascii(s.address().toString());
        j.name("alert").startObject();
        j.name("category").ascii(s.category().externalName());
        j.endObject();
        j.name("suppressed").startObject();
        j.name("track").ascii(s.track().externalName());
        j.name("count").number(s.suppressed());
        j.name("written").number(s.written());
        j.name("first").ascii(timestamp(s.firstNanos()));
        j.name("last").ascii(timestamp(s.lastNanos()));
        j.name("window_start").ascii(timestamp(s.windowStart()));
        j.name("window_seconds").fixed(s.windowNanos() / 1_000_000, 3);
        j.name("labels").startObject();
        for (Map.Entry<String, Long> e : new TreeMap<>(s.labels()).entrySet()) {
            j.escapedName(e.getKey()).number(e.getValue());
        }
        j.endObject();
        j.endObject();
        j.endObject();
        return j.toByteArray();
    }
}

package gatewatch.sensor.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import gatewatch.detector.model.Verdict;
import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.kdd.KddCsv;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.KddRecord;
import gatewatch.features.kdd.Service;
import gatewatch.sensor.output.CommunityId;
import gatewatch.sensor.output.FlowId;
import java.io.IOException;
import java.util.function.IntFunction;

/**
 * The one way gatewatch writes a connection as JSON, in Suricata's EVE names: the alert log, the
 * records log, {@code features --json} and the scoring API's verdicts all write these parts, so a
 * field has one name, one type and one number format wherever it appears (docs/EVENTS.md).
 *
 * <ul>
 * <li>{@link #header}: {@code timestamp} (the connection's end) and {@code flow_id}</li>
 * <li>{@link #endpoints}: {@code src_ip} ... {@code proto}, ICMP's type and code, {@code community_id}</li>
 * <li>{@link #flow}: the {@code flow} object (Zeek's conn.log columns)</li>
 * <li>{@link #features}: the {@code features} object, the 41 by their {@code kddcup.names} names</li>
 * <li>{@link #verdict}: the fields of a verdict (an alert's {@code alert} object)</li>
 * </ul>
 *
 * Names and symbols are pre-encoded; counts are integers, rates have two decimals and the
 * verdict's scores four ({@link JsonValues}), so no double goes through {@code Double.toString}.
 *
 * <p>One instance per thread (it reuses buffers and remembers the last connection's Community ID).
 */
public final class ConnectionJson {
    private static final SerializableString TIMESTAMP = new SerializedString("timestamp");
    private static final SerializableString FLOW_ID = new SerializedString("flow_id");
    private static final SerializableString SRC_IP = new SerializedString("src_ip");
    private static final SerializableString SRC_PORT = new SerializedString("src_port");
    private static final SerializableString DEST_IP = new SerializedString("dest_ip");
    private static final SerializableString DEST_PORT = new SerializedString("dest_port");
    private static final SerializableString PROTO = new SerializedString("proto");
    private static final SerializableString ICMP_TYPE = new SerializedString("icmp_type");
    private static final SerializableString ICMP_CODE = new SerializedString("icmp_code");
    private static final SerializableString COMMUNITY_ID = new SerializedString("community_id");
    private static final SerializableString FLOW = new SerializedString("flow");
    private static final SerializableString SERVICE = new SerializedString("service");
    private static final SerializableString FLAG = new SerializedString("flag");
    private static final SerializableString CONN_STATE = new SerializedString("conn_state");
    private static final SerializableString HISTORY = new SerializedString("history");
    private static final SerializableString DURATION = new SerializedString("duration");
    private static final SerializableString BYTES_TOSERVER = new SerializedString("bytes_toserver");
    private static final SerializableString BYTES_TOCLIENT = new SerializedString("bytes_toclient");
    private static final SerializableString PKTS_TOSERVER = new SerializedString("pkts_toserver");
    private static final SerializableString PKTS_TOCLIENT = new SerializedString("pkts_toclient");
    private static final SerializableString START = new SerializedString("start");
    private static final SerializableString END = new SerializedString("end");
    private static final SerializableString OPEN_AT_END = new SerializedString("open_at_end");
    private static final SerializableString FEATURES = new SerializedString("features");
    private static final SerializableString CATEGORY = new SerializedString("category");
    private static final SerializableString LABEL = new SerializedString("label");
    private static final SerializableString CONFIDENCE = new SerializedString("confidence");
    private static final SerializableString ANOMALY_SCORE = new SerializedString("anomaly_score");
    private static final SerializableString REASONS = new SerializedString("reasons");

    private static final SerializableString TCP = new SerializedString("TCP");
    private static final SerializableString UDP = new SerializedString("UDP");
    private static final SerializableString ICMP = new SerializedString("ICMP");
    private static final SerializableString ICMPV6 = new SerializedString("IPv6-ICMP");

    private static final KddFeature[] FEATURE_LIST = KddFeature.values();
    private static final SerializableString[] FEATURE_NAMES = new SerializableString[FEATURE_LIST.length];
    private static final Kind[] FEATURE_KIND = new Kind[FEATURE_LIST.length];
    private static final SerializableString[][] SYMBOLS = new SerializableString[FEATURE_LIST.length][];
    private static final SerializableString[] SERVICES = encode(Service.values().length, i -> Service.values()[i].kddName());
    private static final SerializableString[] FLAGS = encode(KddFlag.values().length, i -> KddFlag.values()[i].kddName());

    static {
        for (KddFeature f : FEATURE_LIST) {
            int i = f.ordinal();
            FEATURE_NAMES[i] = new SerializedString(f.kddName());
            if (f.isSymbolic()) {
                FEATURE_KIND[i] = Kind.SYMBOL;
                SYMBOLS[i] = encode(f.symbolNames().size(), k -> f.symbolNames().get(k));
            } else {
                FEATURE_KIND[i] = KddCsv.isRate(f) ? Kind.RATE : Kind.COUNT;
            }
        }
    }

    /** How a feature is written: a count as an integer, a rate with two decimals, a symbol by name. */
    private enum Kind { COUNT, RATE, SYMBOL }

    private final JsonValues values;
    private final CommunityId communityId = new CommunityId();
    private ConnectionSummary lastConnection;
    private String lastCommunityId;

    public ConnectionJson(JsonValues values) {
        this.values = values;
    }

    /** {@code timestamp} (when the connection ended, as Suricata stamps a flow) and {@code flow_id}. */
    public void header(JsonGenerator g, ConnectionSummary c) throws IOException {
        g.writeFieldName(TIMESTAMP);
        values.timestamp(g, c.endNanos());
        g.writeFieldName(FLOW_ID);
        g.writeNumber(FlowId.of(c));
    }

    /**
     * {@code src_ip}, {@code src_port}, {@code dest_ip}, {@code dest_port}, {@code proto}
     * ({@code TCP}, {@code UDP}, {@code ICMP}, {@code IPv6-ICMP}), for ICMP {@code icmp_type} and
     * {@code icmp_code}, and {@code community_id}.
     */
    public void endpoints(JsonGenerator g, ConnectionSummary c) throws IOException {
        g.writeFieldName(SRC_IP);
        g.writeString(c.origAddress().toString());
        g.writeFieldName(SRC_PORT);
        g.writeNumber(c.origPort());
        g.writeFieldName(DEST_IP);
        g.writeString(c.respAddress().toString());
        g.writeFieldName(DEST_PORT);
        g.writeNumber(c.respPort());
        g.writeFieldName(PROTO);
        g.writeString(switch (c.ipProtocol()) {
            case 6 -> TCP;
            case 17 -> UDP;
            case 58 -> ICMPV6;
            default -> ICMP;
        });
        if (c.ipProtocol() == 1 || c.ipProtocol() == 58) {
            g.writeFieldName(ICMP_TYPE);
            g.writeNumber(c.icmpType());
            g.writeFieldName(ICMP_CODE);
            g.writeNumber(c.icmpCode());
        }
        g.writeFieldName(COMMUNITY_ID);
        g.writeString(communityIdOf(c));
    }

    /**
     * The {@code flow} object: service, KDD flag, Zeek's {@code conn_state}, history, duration
     * (seconds, six decimals), bytes and packets each way, start, end and {@code open_at_end} (still
     * open when the capture ended or the sensor stopped: its flag is where it was cut off).
     */
    public void flow(JsonGenerator g, ConnectionSummary c) throws IOException {
        g.writeFieldName(FLOW);
        g.writeStartObject();
        g.writeFieldName(SERVICE);
        g.writeString(SERVICES[c.service().ordinal()]);
        g.writeFieldName(FLAG);
        g.writeString(FLAGS[c.kddFlag().ordinal()]);
        g.writeFieldName(CONN_STATE);
        g.writeString(FLAGS[c.zeekState().ordinal()]);
        g.writeFieldName(HISTORY);
        g.writeString(c.history());
        g.writeFieldName(DURATION);
        values.fixed(g, Math.max(0, c.endNanos() - c.startNanos()) / 1000, 6);
        g.writeFieldName(BYTES_TOSERVER);
        g.writeNumber(c.origBytes());
        g.writeFieldName(BYTES_TOCLIENT);
        g.writeNumber(c.respBytes());
        g.writeFieldName(PKTS_TOSERVER);
        g.writeNumber(c.origPackets());
        g.writeFieldName(PKTS_TOCLIENT);
        g.writeNumber(c.respPackets());
        g.writeFieldName(START);
        values.timestamp(g, c.startNanos());
        g.writeFieldName(END);
        values.timestamp(g, c.endNanos());
        g.writeFieldName(OPEN_AT_END);
        g.writeBoolean(c.openAtEnd());
        g.writeEndObject();
    }

    /**
     * The {@code features} object: the 41 features by their {@code kddcup.names} names, symbols as
     * their {@code kddcup.data} spelling, counts as integers, rates with two decimals as the KDD
     * files write them.
     */
    public void features(JsonGenerator g, KddRecord r) throws IOException {
        g.writeFieldName(FEATURES);
        g.writeStartObject();
        for (int i = 0; i < FEATURE_LIST.length; i++) {
            double v = r.get(i);
            g.writeFieldName(FEATURE_NAMES[i]);
            switch (FEATURE_KIND[i]) {
                case SYMBOL -> g.writeString(SYMBOLS[i][(int) v]);
                case RATE -> values.rounded(g, v, 2);
                case COUNT -> g.writeNumber((long) v);
            }
        }
        g.writeEndObject();
    }

    /**
     * A verdict's fields in the current object: {@code category}, {@code label},
     * {@code confidence} and {@code anomaly_score} (four decimals), {@code reasons}.
     */
    public void verdict(JsonGenerator g, Verdict v) throws IOException {
        g.writeFieldName(CATEGORY);
        g.writeString(v.category().externalName());
        g.writeFieldName(LABEL);
        g.writeString(v.label());
        g.writeFieldName(CONFIDENCE);
        values.rounded(g, v.confidence(), 4);
        g.writeFieldName(ANOMALY_SCORE);
        values.rounded(g, v.anomalyScore(), 4);
        g.writeFieldName(REASONS);
        g.writeStartArray();
        for (String reason : v.reasons()) {
            g.writeString(reason);
        }
        g.writeEndArray();
    }

    /** The alert and the records line of one connection are written one after the other: hash it once. */
    private String communityIdOf(ConnectionSummary c) {
        if (c != lastConnection) {
            lastConnection = c;
            lastCommunityId = communityId.of(c);
        }
        return lastCommunityId;
    }

    private static SerializableString[] encode(int n, IntFunction<String> name) {
        SerializableString[] out = new SerializableString[n];
        for (int i = 0; i < n; i++) {
            out[i] = new SerializedString(name.apply(i));
        }
        return out;
    }
}

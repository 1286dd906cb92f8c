package gatewatch.features.extended;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.kdd.ProtocolType;

/** Computes the {@link ExtendedFeature}s of a finished connection. */
public final class ExtendedFeatures {
    private static final ExtendedFeature[] FEATURES = ExtendedFeature.values();

    private ExtendedFeatures() {
    }

    /** Writes the extended features of {@code c} into {@code out[offset .. offset + COUNT)}. */
    public static void fill(ConnectionSummary c, double[] out, int offset) {
        for (ExtendedFeature f : FEATURES) {
            out[offset + f.ordinal()] = value(f, c);
        }
    }

    /** The value of {@code f} for the connection {@code c}: the one place each feature is computed. */
    public static double value(ExtendedFeature f, ConnectionSummary c) {
        boolean icmp = c.protocol() == ProtocolType.ICMP;
        return switch (f) {
            case ORIG_PKTS -> c.origPackets();
            case RESP_PKTS -> c.respPackets();
            case ORIG_MEAN_PAYLOAD -> perPacket(c.origBytes(), c.origPackets());
            case RESP_MEAN_PAYLOAD -> perPacket(c.respBytes(), c.respPackets());
            case CONN_STATE -> c.zeekState().ordinal();
            case ICMP_TYPE -> icmp ? c.icmpType() : -1;
            case ICMP_CODE -> icmp ? c.icmpCode() : -1;
            case OPEN_AT_END -> c.openAtEnd() ? 1 : 0;
        };
    }

    private static double perPacket(long bytes, long packets) {
        return packets > 0 ? (double) bytes / packets : 0.0;
    }
}

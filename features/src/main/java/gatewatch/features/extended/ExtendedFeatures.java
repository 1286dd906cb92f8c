package gatewatch.features.extended;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.kdd.ProtocolType;

/** Computes the {@link ExtendedFeature}s of a finished connection. */
public final class ExtendedFeatures {
    private ExtendedFeatures() {
    }

    /** Writes the extended features of {@code c} into {@code out[offset .. offset + COUNT)}. */
    public static void fill(ConnectionSummary c, double[] out, int offset) {
        boolean icmp = c.protocol() == ProtocolType.ICMP;
        out[offset + ExtendedFeature.ORIG_PKTS.ordinal()] = c.origPackets();
        out[offset + ExtendedFeature.RESP_PKTS.ordinal()] = c.respPackets();
        out[offset + ExtendedFeature.ORIG_MEAN_PAYLOAD.ordinal()] = perPacket(c.origBytes(), c.origPackets());
        out[offset + ExtendedFeature.RESP_MEAN_PAYLOAD.ordinal()] = perPacket(c.respBytes(), c.respPackets());
        out[offset + ExtendedFeature.CONN_STATE.ordinal()] = c.zeekState().ordinal();
        out[offset + ExtendedFeature.ICMP_TYPE.ordinal()] = icmp ? c.icmpType() : -1;
        out[offset + ExtendedFeature.ICMP_CODE.ordinal()] = icmp ? c.icmpCode() : -1;
        out[offset + ExtendedFeature.OPEN_AT_END.ordinal()] = c.openAtEnd() ? 1 : 0;
    }

    /** A new array of the extended features of {@code c}. */
    public static double[] of(ConnectionSummary c) {
        double[] out = new double[ExtendedFeature.COUNT];
        fill(c, out, 0);
        return out;
    }

    private static double perPacket(long bytes, long packets) {
        return packets > 0 ? (double) bytes / packets : 0.0;
    }
}

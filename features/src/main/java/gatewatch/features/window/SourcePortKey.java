package gatewatch.features.window;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.kdd.ProtocolType;

/**
 * The "source port" that {@code dst_host_same_src_port_rate} compares: the transport protocol
 * and the originator's port, and for ICMP, which has no ports, the message type, as Bro (which
 * the KDD extractor ran on) writes ICMP "ports" (orig_p = type, resp_p = code).
 *
 * <p>Why the type: in {@code kddcup.data_10_percent} the ICMP rows have
 * {@code dst_host_same_src_port_rate} equal to {@code dst_host_same_srv_rate} in 283,039 of
 * 283,602 rows, and in the other 563 it is larger (urp_i sharing type 3 with urh_i). A host's
 * ICMP messages therefore had "the same source port" when they had the same type, not always
 * (all ICMP to a host) and not never. The protocol is part of the key because a Bro port is
 * typed ({@code 8/icmp} is not {@code 8/tcp}).
 */
public final class SourcePortKey {
    private SourcePortKey() {
    }

    public static int of(ConnectionSummary c) {
        int port = c.protocol() == ProtocolType.ICMP ? c.icmpType() : c.origPort();
        return c.ipProtocol() << 16 | (port & 0xffff);
    }
}

package gatewatch.features.decode;

/**
 * TCP, UDP, ICMP and ICMPv6 headers.
 *
 * <p>{@code off} is where the transport header starts, {@code end} one past the datagram's last
 * byte as its IP header declares it, {@code capEnd} one past the last captured byte. Payload
 * lengths come from the headers (so a snapped capture still counts what was sent); payload bytes
 * are only those captured.
 */
final class TransportDecoder {
    static final int TCP_MIN_HEADER = 20;
    static final int UDP_HEADER = 8;
    static final int ICMP_HEADER = 8;

    private TransportDecoder() {
    }

    static MalformedReason tcp(PacketView v, byte[] b, int off, int end, int capEnd) {
        if (off + TCP_MIN_HEADER > end || off + TCP_MIN_HEADER > capEnd) {
            return MalformedReason.TCP_PKT_TOO_SMALL;
        }
        int hlen = (Bytes.u8(b, off + 12) >>> 4) * 4;
        // Options cut by the snap length are fine: the fields read here are in the first 20 bytes,
        // and a SYN with options captured at snaplen 68 must still open its connection.
        if (hlen < TCP_MIN_HEADER || off + hlen > end) {
            return MalformedReason.TCP_HLEN_INVALID;
        }
        v.l4Offset = off;
        v.srcPort = Bytes.u16(b, off);
        v.dstPort = Bytes.u16(b, off + 2);
        v.seq = Bytes.u32(b, off + 4);
        v.ack = Bytes.u32(b, off + 8);
        v.tcpFlags = Bytes.u8(b, off + 13);
        v.window = Bytes.u16(b, off + 14);
        v.urgentPointer = Bytes.u16(b, off + 18);
        setPayload(v, off + hlen, end, capEnd);
        return null;
    }

    /**
     * @param firstFragmentOnly {@code [off, end)} is the first fragment of a datagram that could not
     *                          be reassembled: a length beyond it is cut to what it holds
     */
    static MalformedReason udp(PacketView v, byte[] b, int off, int end, int capEnd, boolean firstFragmentOnly) {
        if (off + UDP_HEADER > end || off + UDP_HEADER > capEnd) {
            return MalformedReason.UDP_PKT_TOO_SMALL;
        }
        int len = Bytes.u16(b, off + 4);
        // Length 0 is legal only for IPv6 jumbograms; treat the IP length as authoritative then.
        if (len == 0 && v.ipVersion == 6) {
            len = end - off;
        }
        if (firstFragmentOnly && off + len > end) {
            len = end - off;
        }
        if (len < UDP_HEADER || off + len > end) {
            return MalformedReason.UDP_LEN_INVALID;
        }
        v.l4Offset = off;
        v.srcPort = Bytes.u16(b, off);
        v.dstPort = Bytes.u16(b, off + 2);
        v.tcpFlags = 0;
        setPayload(v, off + UDP_HEADER, off + len, capEnd);
        return null;
    }

    static MalformedReason icmp(PacketView v, byte[] b, int off, int end, int capEnd) {
        if (off + ICMP_HEADER > end || off + ICMP_HEADER > capEnd) {
            return MalformedReason.ICMP_PKT_TOO_SMALL;
        }
        v.l4Offset = off;
        v.icmpType = Bytes.u8(b, off);
        v.icmpCode = Bytes.u8(b, off + 1);
        v.icmpId = Bytes.u16(b, off + 4);
        v.srcPort = 0;
        v.dstPort = 0;
        v.tcpFlags = 0;
        setPayload(v, off + ICMP_HEADER, end, capEnd);
        return null;
    }

    private static void setPayload(PacketView v, int payloadOff, int end, int capEnd) {
        v.payloadOffset = payloadOff;
        v.payloadWireLength = end - payloadOff;
        v.payloadCapLength = Math.max(0, Math.min(end, capEnd) - payloadOff);
    }
}

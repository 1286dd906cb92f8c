package gatewatch.features.decode;

/**
 * IPv4 header: checks in order and stops at the first problem, as Suricata's
 * {@code DecodeIPV4Packet} does. Options are walked only far enough to know each one's length
 * stays inside the header; their content is not interpreted.
 */
final class Ipv4Decoder {
    static final int MIN_HEADER = 20;
    private static final long V4_MAPPED_PREFIX = 0x0000_ffff_0000_0000L;
    private static final int OPT_END = 0;
    private static final int OPT_NOP = 1;

    private Ipv4Decoder() {
    }

    /**
     * Decodes the header at {@code off}. {@code capAvail} bytes are captured from there and
     * {@code wireAvail} were on the wire. Fills addresses, protocol and {@code ipLength} and
     * returns null, or returns the reason the packet is malformed.
     */
    static MalformedReason decode(PacketView v, byte[] b, int off, int capAvail, int wireAvail, Ipv4Header h) {
        if (capAvail < MIN_HEADER) {
            return MalformedReason.IPV4_PKT_TOO_SMALL;
        }
        int vihl = Bytes.u8(b, off);
        if (vihl >>> 4 != 4) {
            return MalformedReason.IPV4_WRONG_VERSION;
        }
        int hlen = (vihl & 0x0f) * 4;
        if (hlen < MIN_HEADER) {
            return MalformedReason.IPV4_HLEN_TOO_SMALL;
        }
        if (hlen > capAvail) {
            return MalformedReason.IPV4_HLEN_TRUNCATED;
        }
        if (hlen > MIN_HEADER && !optionsFit(b, off + MIN_HEADER, off + hlen)) {
            return MalformedReason.IPV4_OPT_INVALID_LEN;
        }
        int total = Bytes.u16(b, off + 2);
        if (total < hlen) {
            return MalformedReason.IPV4_IPLEN_SMALLER_THAN_HLEN;
        }
        if (total > wireAvail) {
            return MalformedReason.IPV4_TRUNC_PKT;
        }
        int fragField = Bytes.u16(b, off + 6);
        h.headerLength = hlen;
        h.totalLength = total;
        h.id = Bytes.u16(b, off + 4);
        h.moreFragments = (fragField & 0x2000) != 0;
        h.fragmentOffset = (fragField & 0x1fff) * 8;
        v.ipVersion = 4;
        v.l3Offset = off;
        v.ttl = Bytes.u8(b, off + 8);
        v.protocol = Bytes.u8(b, off + 9);
        v.srcHi = 0;
        v.srcLo = V4_MAPPED_PREFIX | Bytes.u32(b, off + 12);
        v.dstHi = 0;
        v.dstLo = V4_MAPPED_PREFIX | Bytes.u32(b, off + 16);
        v.ipLength = total;
        return null;
    }

    /** True when every option in [pos, end) has a length byte of at least 2 that keeps it inside. */
    private static boolean optionsFit(byte[] b, int pos, int end) {
        while (pos < end) {
            int type = Bytes.u8(b, pos);
            if (type == OPT_END) {
                return true;
            }
            if (type == OPT_NOP) {
                pos++;
                continue;
            }
            if (pos + 1 >= end) {
                return false;
            }
            int len = Bytes.u8(b, pos + 1);
            if (len < 2 || pos + len > end) {
                return false;
            }
            pos += len;
        }
        return true;
    }
}

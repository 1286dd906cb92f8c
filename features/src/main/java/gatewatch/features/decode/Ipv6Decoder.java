package gatewatch.features.decode;

/**
 * IPv6 fixed header and the chain of extension headers up to the transport header.
 *
 * <p>Hop-by-hop, routing, destination options and AH are walked; a fragment header is reported
 * so that the caller can hold the fragment; ESP and "no next header" end the chain with a
 * protocol the tracker does not follow.
 */
final class Ipv6Decoder {
    static final int HEADER = 40;
    private static final int HOP_BY_HOP = 0;
    private static final int ROUTING = 43;
    private static final int FRAGMENT = 44;
    private static final int AH = 51;
    private static final int DEST_OPTS = 60;
    private static final int MOBILITY = 135;
    private static final int MAX_EXTENSIONS = 16;
    private static final int FRAGMENT_HEADER = 8;

    private Ipv6Decoder() {
    }

    /** Fills the view and {@code h} and returns null, or returns why the packet is malformed. */
    static MalformedReason decode(PacketView v, byte[] b, int off, int capAvail, int wireAvail, Ipv6Header h) {
        if (capAvail < HEADER) {
            return MalformedReason.IPV6_PKT_TOO_SMALL;
        }
        if (Bytes.u8(b, off) >>> 4 != 6) {
            return MalformedReason.IPV6_WRONG_VERSION;
        }
        int payloadLen = Bytes.u16(b, off + 4);
        if (HEADER + payloadLen > wireAvail) {
            return MalformedReason.IPV6_TRUNC_PKT;
        }
        int end = off + HEADER + payloadLen;
        int capEnd = off + Math.min(capAvail, HEADER + payloadLen);
        int nextField = off + 6;
        int next = Bytes.u8(b, nextField);
        int pos = off + HEADER;
        h.fragment = false;
        for (int walked = 0; isExtension(next); walked++) {
            if (walked == MAX_EXTENSIONS) {
                return MalformedReason.IPV6_EXTHDR_TOO_MANY;
            }
            int minLen = next == FRAGMENT ? FRAGMENT_HEADER : 2;
            if (pos + minLen > capEnd) {
                return MalformedReason.IPV6_EXTHDR_TRUNCATED;
            }
            if (next == FRAGMENT) {
                int fragField = Bytes.u16(b, pos + 2);
                h.fragmentOffset = fragField & 0xfff8;
                h.moreFragments = (fragField & 1) != 0;
                h.id = Bytes.u32(b, pos + 4);
                h.fragmentHeaderOffset = pos;
                h.nextHeaderField = nextField;
                next = Bytes.u8(b, pos);
                pos += FRAGMENT_HEADER;
                // An atomic fragment (offset 0, no more fragments) is a whole datagram (RFC 6946):
                // its chain goes on. A real fragment's rest is read once it is reassembled.
                h.fragment = h.fragmentOffset != 0 || h.moreFragments;
                if (h.fragment) {
                    break;
                }
                nextField = pos - FRAGMENT_HEADER;
                continue;
            }
            int len = next == AH ? (Bytes.u8(b, pos + 1) + 2) * 4 : (Bytes.u8(b, pos + 1) + 1) * 8;
            if (pos + len > end) {
                return MalformedReason.IPV6_EXTHDR_TRUNCATED;
            }
            nextField = pos;
            next = Bytes.u8(b, pos);
            pos += len;
        }
        v.ipVersion = 6;
        v.l3Offset = off;
        v.ttl = Bytes.u8(b, off + 7);
        v.protocol = next;
        v.srcHi = Bytes.u64(b, off + 8);
        v.srcLo = Bytes.u64(b, off + 16);
        v.dstHi = Bytes.u64(b, off + 24);
        v.dstLo = Bytes.u64(b, off + 32);
        v.ipLength = HEADER + payloadLen;
        h.transportOffset = pos;
        h.end = end;
        return null;
    }

    /** Whether {@code next} names an extension header the chain walk steps over. */
    static boolean isExtension(int next) {
        return next == HOP_BY_HOP || next == ROUTING || next == FRAGMENT || next == AH || next == DEST_OPTS
                || next == MOBILITY;
    }
}

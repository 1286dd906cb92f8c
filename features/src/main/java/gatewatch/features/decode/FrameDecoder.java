package gatewatch.features.decode;

/**
 * Decodes a frame, layer by layer, into a {@link PacketView}: link layer (dispatched by link
 * type), then IPv4 or IPv6, then TCP, UDP or ICMP.
 *
 * <p>Never throws on frame content: a malformed or truncated frame is counted by
 * {@link MalformedReason} and reported as {@link DecodeStatus#MALFORMED}. No allocation per frame.
 * Called from the capture thread only.
 */
public final class FrameDecoder {
    private final DecodeCounters counters;
    private final LinkResult link = new LinkResult();
    private final Ipv4Header ipv4 = new Ipv4Header();
    private final Ipv6Header ipv6 = new Ipv6Header();

    public FrameDecoder(DecodeCounters counters) {
        this.counters = counters;
    }

    public DecodeCounters counters() {
        return counters;
    }

    public DecodeStatus decode(byte[] buf, int off, int capLen, int wireLen, int linkType, long tsNanos, PacketView v) {
        counters.countFrame();
        v.buf = buf;
        v.tsNanos = tsNanos;
        v.capLen = capLen;
        v.wireLen = Math.max(wireLen, capLen);
        v.linkType = linkType;
        v.reassembled = false;
        v.wrongFragments = 0;

        MalformedReason bad = decodeLink(buf, off, capLen, linkType);
        if (bad != null) {
            return malformed(bad);
        }
        int l3 = link.l3Offset;
        int capAvail = off + capLen - l3;
        int wireAvail = off + v.wireLen - l3;
        return switch (link.etherType) {
            case LinkResult.ETHERTYPE_IPV4 -> decodeIpv4(v, buf, l3, capAvail, wireAvail);
            case LinkResult.ETHERTYPE_IPV6 -> decodeIpv6(v, buf, l3, capAvail, wireAvail);
            default -> skipped(SkipReason.NOT_IP);
        };
    }

    private MalformedReason decodeLink(byte[] b, int off, int len, int linkType) {
        return switch (linkType) {
            case LinkType.ETHERNET -> EthernetDecoder.decode(b, off, len, link);
            case LinkType.RAW, LinkType.RAW_12, LinkType.RAW_14, LinkType.IPV4, LinkType.IPV6 -> rawIp(b, off, len);
            default -> MalformedReason.LINK_UNSUPPORTED;
        };
    }

    /** Raw IP: the version nibble tells the family. */
    private MalformedReason rawIp(byte[] b, int off, int len) {
        if (len < 1) {
            return MalformedReason.LINK_TRUNCATED;
        }
        int version = Bytes.u8(b, off) >>> 4;
        link.etherType = version == 6 ? LinkResult.ETHERTYPE_IPV6 : LinkResult.ETHERTYPE_IPV4;
        link.l3Offset = off;
        return null;
    }

    private DecodeStatus decodeIpv4(PacketView v, byte[] b, int l3, int capAvail, int wireAvail) {
        MalformedReason bad = Ipv4Decoder.decode(v, b, l3, capAvail, wireAvail, ipv4);
        if (bad != null) {
            return malformed(bad);
        }
        if (ipv4.isFragment()) {
            return skipped(SkipReason.FRAGMENT_HELD);
        }
        int end = l3 + ipv4.totalLength;
        return decodeTransport(v, b, l3 + ipv4.headerLength, end, l3 + capAvail);
    }

    private DecodeStatus decodeIpv6(PacketView v, byte[] b, int l3, int capAvail, int wireAvail) {
        MalformedReason bad = Ipv6Decoder.decode(v, b, l3, capAvail, wireAvail, ipv6);
        if (bad != null) {
            return malformed(bad);
        }
        if (ipv6.fragment) {
            return skipped(SkipReason.FRAGMENT_HELD);
        }
        return decodeTransport(v, b, ipv6.transportOffset, ipv6.end, l3 + capAvail);
    }

    private DecodeStatus decodeTransport(PacketView v, byte[] b, int off, int end, int capEnd) {
        MalformedReason bad = switch (v.protocol) {
            case PacketView.PROTO_TCP -> TransportDecoder.tcp(v, b, off, end, capEnd);
            case PacketView.PROTO_UDP -> TransportDecoder.udp(v, b, off, end, capEnd);
            case PacketView.PROTO_ICMP, PacketView.PROTO_ICMPV6 -> TransportDecoder.icmp(v, b, off, end, capEnd);
            default -> null;
        };
        if (bad != null) {
            return malformed(bad);
        }
        if (v.protocol != PacketView.PROTO_TCP && v.protocol != PacketView.PROTO_UDP
                && v.protocol != PacketView.PROTO_ICMP && v.protocol != PacketView.PROTO_ICMPV6) {
            return skipped(SkipReason.IP_PROTOCOL_UNTRACKED);
        }
        counters.countPacket();
        return DecodeStatus.PACKET;
    }

    private DecodeStatus malformed(MalformedReason reason) {
        counters.countMalformed(reason);
        return DecodeStatus.MALFORMED;
    }

    private DecodeStatus skipped(SkipReason reason) {
        counters.countSkipped(reason);
        return DecodeStatus.SKIPPED;
    }
}

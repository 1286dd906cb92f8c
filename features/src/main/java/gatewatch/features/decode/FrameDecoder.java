package gatewatch.features.decode;

/**
 * Decodes a frame, layer by layer, into a {@link PacketView}: link layer (dispatched by link
 * type through {@link LinkTable}), VLAN tags, then IPv4 or IPv6 (fragments reassembled by a
 * {@link Defragmenter}), then TCP, UDP, ICMP or ICMPv6. An Ethernet/IPv4 ARP packet goes into
 * the {@link #arp()} view instead.
 *
 * <p>Never throws on frame content: a malformed or truncated frame is counted by
 * {@link MalformedReason} and reported as {@link DecodeStatus#MALFORMED}. No allocation per frame
 * once the fragment buffers are warm. Called from the capture thread only.
 *
 * <p>A fragment returns {@link DecodeStatus#SKIPPED} while its datagram is incomplete. The frame
 * that completes it returns {@link DecodeStatus#PACKET} with the view over the reassembled
 * datagram ({@link PacketView#reassembled()}), or, when the datagram had wrong fragments, over
 * its first fragment with {@link PacketView#wrongFragments()} set (see {@link FragmentDatagram}).
 */
public final class FrameDecoder {
    private final DecodeCounters counters;
    private final LinkTable links = LinkTable.standard();
    private final LinkResult link = new LinkResult();
    private final Ipv4Header ipv4 = new Ipv4Header();
    private final Ipv6Header ipv6 = new Ipv6Header();
    private final ArpView arp = new ArpView();
    private final Defragmenter defragmenter;

    public FrameDecoder(DecodeCounters counters) {
        this(counters, FragmentLimits.DEFAULT);
    }

    public FrameDecoder(DecodeCounters counters, FragmentLimits fragmentLimits) {
        this.counters = counters;
        this.defragmenter = new Defragmenter(fragmentLimits, counters);
    }

    public DecodeCounters counters() {
        return counters;
    }

    /** Whether frames of this link type are decoded (others are counted as {@link MalformedReason#LINK_UNSUPPORTED}). */
    public boolean supportsLinkType(int linkType) {
        return links.supports(linkType);
    }

    /** IP datagrams waiting for more fragments. */
    public int fragmentDatagramsInFlight() {
        return defragmenter.inFlight();
    }

    /** At the end of a capture: drops the datagrams still incomplete, counted as expired. */
    public void flushFragments() {
        defragmenter.clear();
    }

    public DecodeStatus decode(byte[] buf, int off, int capLen, int wireLen, int linkType, long tsNanos, PacketView v) {
        counters.countFrame();
        defragmenter.expire(tsNanos);
        v.buf = buf;
        v.tsNanos = tsNanos;
        v.capLen = capLen;
        v.wireLen = Math.max(wireLen, capLen);
        v.linkType = linkType;
        v.reassembled = false;
        v.wrongFragments = 0;

        LinkDecoder decoder = links.get(linkType);
        if (decoder == null) {
            return malformed(MalformedReason.LINK_UNSUPPORTED);
        }
        link.wireEnd = off + v.wireLen;
        MalformedReason bad = decoder.decode(buf, off, capLen, link);
        if (bad == null) {
            bad = VlanDecoder.strip(buf, off + capLen, link);
        }
        if (bad != null) {
            return malformed(bad);
        }
        int l3 = link.l3Offset;
        int capEnd = Math.min(off + capLen, link.wireEnd);
        return switch (link.etherType) {
            case LinkResult.ETHERTYPE_IPV4 -> decodeIpv4(v, buf, l3, capEnd, link.wireEnd);
            case LinkResult.ETHERTYPE_IPV6 -> decodeIpv6(v, buf, l3, capEnd, link.wireEnd);
            case LinkResult.ETHERTYPE_ARP -> decodeArp(buf, l3, capEnd, tsNanos);
            case LinkResult.NO_PACKET -> skipped(SkipReason.LINK_NO_PACKET);
            default -> skipped(SkipReason.NOT_IP);
        };
    }

    /** The ARP packet of the last decode that returned {@link DecodeStatus#ARP}. */
    public ArpView arp() {
        return arp;
    }

    private DecodeStatus decodeArp(byte[] b, int l3, int capEnd, long tsNanos) {
        return switch (ArpDecoder.decode(b, l3, capEnd, arp)) {
            case PACKET -> {
                arp.tsNanos = tsNanos;
                counters.countArp();
                yield DecodeStatus.ARP;
            }
            case MALFORMED -> malformed(MalformedReason.ARP_TRUNCATED);
            default -> skipped(SkipReason.NOT_IP);
        };
    }

    private DecodeStatus decodeIpv4(PacketView v, byte[] b, int l3, int capEnd, int wireEnd) {
        MalformedReason bad = Ipv4Decoder.decode(v, b, l3, capEnd - l3, wireEnd - l3, ipv4);
        if (bad != null) {
            return malformed(bad);
        }
        if (!ipv4.isFragment()) {
            return decodeTransport(v, b, l3 + ipv4.headerLength, l3 + ipv4.totalLength, capEnd, false);
        }
        if (!isTracked(v.protocol)) {
            return skipped(SkipReason.IP_PROTOCOL_UNTRACKED);
        }
        int outcome = defragmenter.offerIpv4(v, b, l3, capEnd, ipv4, v.tsNanos);
        if (outcome != Defragmenter.DELIVER) {
            return fragmentNotDelivered(outcome);
        }
        byte[] d = defragmenter.buffer();
        int off = defragmenter.offset();
        bad = Ipv4Decoder.decode(v, d, off, defragmenter.capLength(), defragmenter.wireLength(), ipv4);
        if (bad != null) {
            return malformed(bad);
        }
        return delivered(v, d, off + ipv4.headerLength, off + ipv4.totalLength, off + defragmenter.capLength());
    }

    private DecodeStatus decodeIpv6(PacketView v, byte[] b, int l3, int capEnd, int wireEnd) {
        MalformedReason bad = Ipv6Decoder.decode(v, b, l3, capEnd - l3, wireEnd - l3, ipv6);
        if (bad != null) {
            return malformed(bad);
        }
        if (!ipv6.fragment) {
            return decodeTransport(v, b, ipv6.transportOffset, ipv6.end, capEnd, false);
        }
        if (!isTracked(v.protocol) && !Ipv6Decoder.isExtension(v.protocol)) {
            return skipped(SkipReason.IP_PROTOCOL_UNTRACKED);
        }
        int outcome = defragmenter.offerIpv6(v, b, l3, capEnd, ipv6, v.tsNanos);
        if (outcome != Defragmenter.DELIVER) {
            return fragmentNotDelivered(outcome);
        }
        byte[] d = defragmenter.buffer();
        int off = defragmenter.offset();
        bad = Ipv6Decoder.decode(v, d, off, defragmenter.capLength(), defragmenter.wireLength(), ipv6);
        if (bad != null) {
            return malformed(bad);
        }
        if (ipv6.fragment) {
            // A fragment header inside a reassembled datagram: not something to reassemble twice.
            return skipped(SkipReason.FRAGMENT_DROPPED);
        }
        return delivered(v, d, ipv6.transportOffset, ipv6.end, off + defragmenter.capLength());
    }

    private DecodeStatus fragmentNotDelivered(int outcome) {
        return skipped(switch (outcome) {
            case Defragmenter.DUPLICATE -> SkipReason.FRAGMENT_DUPLICATE;
            case Defragmenter.DROPPED -> SkipReason.FRAGMENT_DROPPED;
            default -> SkipReason.FRAGMENT_HELD;
        });
    }

    /** The view now covers a datagram made from fragments: whole, or its first fragment alone. */
    private DecodeStatus delivered(PacketView v, byte[] d, int l4, int end, int capEnd) {
        v.buf = d;
        v.wrongFragments = defragmenter.wrongFragments();
        v.reassembled = v.wrongFragments == 0;
        return decodeTransport(v, d, l4, end, capEnd, !v.reassembled);
    }

    /**
     * @param firstFragmentOnly the datagram is the first fragment of one that could not be
     *                          reassembled: a UDP length beyond it is cut to what it holds
     */
    private DecodeStatus decodeTransport(PacketView v, byte[] b, int off, int end, int capEnd, boolean firstFragmentOnly) {
        MalformedReason bad = switch (v.protocol) {
            case PacketView.PROTO_TCP -> TransportDecoder.tcp(v, b, off, end, capEnd);
            case PacketView.PROTO_UDP -> TransportDecoder.udp(v, b, off, end, capEnd, firstFragmentOnly);
            case PacketView.PROTO_ICMP, PacketView.PROTO_ICMPV6 -> TransportDecoder.icmp(v, b, off, end, capEnd);
            default -> null;
        };
        if (bad != null) {
            return malformed(bad);
        }
        if (!isTracked(v.protocol)) {
            return skipped(SkipReason.IP_PROTOCOL_UNTRACKED);
        }
        counters.countPacket();
        return DecodeStatus.PACKET;
    }

    private static boolean isTracked(int protocol) {
        return protocol == PacketView.PROTO_TCP || protocol == PacketView.PROTO_UDP
                || protocol == PacketView.PROTO_ICMP || protocol == PacketView.PROTO_ICMPV6;
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

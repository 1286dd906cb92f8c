package gatewatch.features.decode;

/**
 * A decoded packet: offsets and header fields over the bytes of one frame (or of one reassembled
 * IP datagram), re-pointed for every frame and never copied.
 *
 * <p>One instance is reused by the capture thread for every frame; values are valid until the
 * next decode. Addresses are held as two 64-bit halves in IPv6 layout; an IPv4 address is stored
 * IPv4-mapped ({@code ::ffff:a.b.c.d}: {@code hi = 0}, {@code lo = 0x0000_ffff_xxxx_xxxxL}), so
 * one flow key covers both families.
 *
 * <p>For a datagram made from fragments ({@link #reassembled()}, or {@link #wrongFragments()}
 * above 0) {@link #buf()} is the reassembler's buffer rather than the frame: the offsets point
 * into it, and it stays valid until the next decode like everything else here; {@link #capLen()},
 * {@link #wireLen()}, {@link #linkType()} and {@link #tsNanos()} still describe the frame that
 * completed the datagram.
 *
 * <p>Written only by {@link FrameDecoder}, on the capture thread.
 */
public final class PacketView {
    /** IP protocol numbers the tracker knows. */
    public static final int PROTO_ICMP = 1;
    public static final int PROTO_TCP = 6;
    public static final int PROTO_UDP = 17;
    public static final int PROTO_ICMPV6 = 58;

    /** ICMP and ICMPv6 echo types (KDD's eco_i / ecr_i services). */
    public static final int ICMP_ECHO_REPLY = 0;
    public static final int ICMP_ECHO_REQUEST = 8;
    public static final int ICMPV6_ECHO_REQUEST = 128;
    public static final int ICMPV6_ECHO_REPLY = 129;

    /** TCP flag bits, as in the header's 13th byte (plus NS is not kept). */
    public static final int TCP_FIN = 0x01;
    public static final int TCP_SYN = 0x02;
    public static final int TCP_RST = 0x04;
    public static final int TCP_PSH = 0x08;
    public static final int TCP_ACK = 0x10;
    public static final int TCP_URG = 0x20;
    public static final int TCP_ECE = 0x40;
    public static final int TCP_CWR = 0x80;

    // Frame.
    byte[] buf;
    long tsNanos;
    int capLen;
    int wireLen;
    int linkType;

    // Network layer.
    int ipVersion;
    int l3Offset;
    long srcHi;
    long srcLo;
    long dstHi;
    long dstLo;
    int protocol;
    int ttl;
    /** The IP datagram's length from its header (total length, or payload length + 40 for IPv6). */
    int ipLength;
    /** True when this view is a whole datagram reassembled from fragments. */
    boolean reassembled;
    /**
     * Wrong fragments (overlapping, oversized, misaligned, empty, or at odds with the datagram's end)
     * of a datagram that therefore could not be reassembled; the view is then its first fragment,
     * with the transport header and payload lengths that fragment holds. 0 for any other packet.
     */
    int wrongFragments;

    // Transport layer.
    int l4Offset;
    int srcPort;
    int dstPort;
    int tcpFlags;
    long seq;
    long ack;
    int window;
    int urgentPointer;
    int icmpType;
    int icmpCode;
    int icmpId;

    // Payload.
    int payloadOffset;
    /** Payload bytes present in {@link #buf} (may be less than {@link #payloadWireLength} when snapped). */
    int payloadCapLength;
    /** Payload length the headers declare, whether or not it was captured. */
    int payloadWireLength;

    public byte[] buf() { return buf; }
    public long tsNanos() { return tsNanos; }
    public int capLen() { return capLen; }
    public int wireLen() { return wireLen; }
    public int linkType() { return linkType; }

    public int ipVersion() { return ipVersion; }
    public int l3Offset() { return l3Offset; }
    public long srcHi() { return srcHi; }
    public long srcLo() { return srcLo; }
    public long dstHi() { return dstHi; }
    public long dstLo() { return dstLo; }
    public int protocol() { return protocol; }
    public int ttl() { return ttl; }
    public int ipLength() { return ipLength; }
    public boolean reassembled() { return reassembled; }
    public int wrongFragments() { return wrongFragments; }

    public int l4Offset() { return l4Offset; }
    /** TCP/UDP source port; for ICMP, 0. */
    public int srcPort() { return srcPort; }
    /** TCP/UDP destination port; for ICMP, 0. */
    public int dstPort() { return dstPort; }
    public int tcpFlags() { return tcpFlags; }
    public boolean hasFlag(int flag) { return (tcpFlags & flag) != 0; }
    public long seq() { return seq; }
    public long ack() { return ack; }
    public int window() { return window; }
    public int urgentPointer() { return urgentPointer; }
    public int icmpType() { return icmpType; }
    public int icmpCode() { return icmpCode; }
    /** The echo identifier; for other ICMP types the same two header bytes, whatever they mean there. */
    public int icmpId() { return icmpId; }

    public int payloadOffset() { return payloadOffset; }
    public int payloadCapLength() { return payloadCapLength; }
    public int payloadWireLength() { return payloadWireLength; }

    public boolean isTcp() { return protocol == PROTO_TCP; }
    public boolean isUdp() { return protocol == PROTO_UDP; }
    public boolean isIcmp() { return protocol == PROTO_ICMP || protocol == PROTO_ICMPV6; }
    public boolean isIpv4() { return ipVersion == 4; }
}

package gatewatch.features.decode;

/** What {@link FrameDecoder#decode} made of a frame. */
public enum DecodeStatus {
    /** A TCP, UDP or ICMP packet is in the view. */
    PACKET,
    /** An ARP packet (Ethernet, IPv4) is in the decoder's {@link FrameDecoder#arp() ARP view}. */
    ARP,
    /** Well-formed but nothing the tracker follows (ARP of another kind, IGMP, a fragment held for reassembly, ...); counted by kind. */
    SKIPPED,
    /** Malformed or truncated; counted by {@link MalformedReason} and dropped. */
    MALFORMED
}

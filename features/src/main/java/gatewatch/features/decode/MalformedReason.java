package gatewatch.features.decode;

/**
 * Why a frame was counted as malformed and skipped. A closed set: each reason has a stable
 * counter name ({@code gatewatch.decoder.malformed{reason=...}}).
 */
public enum MalformedReason {
    /** The link type is not one the decoder reads. */
    LINK_UNSUPPORTED("link.unsupported"),
    /** Fewer bytes than the link-layer header. */
    LINK_TRUNCATED("link.truncated"),
    /** VLAN tags nested deeper than the decoder follows. */
    VLAN_TOO_DEEP("vlan.too_deep"),
    /** A VLAN tag cut by the end of the frame. */
    VLAN_TRUNCATED("vlan.truncated"),
    /** An NFLOG header whose version is not 0. */
    NFLOG_BAD_VERSION("nflog.bad_version"),
    /** An NFLOG TLV shorter than its own header or running past the record. */
    NFLOG_TLV_INVALID("nflog.tlv_invalid"),
    /** An Ethernet/IPv4 ARP packet shorter than its 28 bytes. */
    ARP_TRUNCATED("arp.truncated"),
    /** Raw IP whose version nibble is neither 4 nor 6. */
    IP_VERSION_UNKNOWN("ip.version_unknown"),
    /** Fewer than 20 bytes of IPv4 header. */
    IPV4_PKT_TOO_SMALL("ipv4.pkt_too_small"),
    /** The version nibble of an IPv4 packet is not 4. */
    IPV4_WRONG_VERSION("ipv4.wrong_version"),
    /** IHL below 5 words. */
    IPV4_HLEN_TOO_SMALL("ipv4.hlen_too_small"),
    /** IHL beyond the captured bytes. */
    IPV4_HLEN_TRUNCATED("ipv4.hlen_truncated"),
    /** An IPv4 option without a length byte, with a length below 2, or running past the header. */
    IPV4_OPT_INVALID_LEN("ipv4.opt_invalid_len"),
    /** Total length smaller than the header. */
    IPV4_IPLEN_SMALLER_THAN_HLEN("ipv4.iplen_smaller_than_hlen"),
    /** Total length larger than the frame carried on the wire. */
    IPV4_TRUNC_PKT("ipv4.trunc_pkt"),
    /** Fewer than 40 bytes of IPv6 header. */
    IPV6_PKT_TOO_SMALL("ipv6.pkt_too_small"),
    /** The version nibble of an IPv6 packet is not 6. */
    IPV6_WRONG_VERSION("ipv6.wrong_version"),
    /** Payload length larger than the frame carried on the wire. */
    IPV6_TRUNC_PKT("ipv6.trunc_pkt"),
    /** An extension header runs past the packet. */
    IPV6_EXTHDR_TRUNCATED("ipv6.exthdr_truncated"),
    /** More extension headers in a row than the decoder follows. */
    IPV6_EXTHDR_TOO_MANY("ipv6.exthdr_too_many"),
    /** TCP header shorter than 20 bytes, or cut by the end of the packet. */
    TCP_PKT_TOO_SMALL("tcp.pkt_too_small"),
    /** TCP data offset below 5 words or beyond the datagram (options merely not captured are fine). */
    TCP_HLEN_INVALID("tcp.hlen_invalid"),
    /** UDP header shorter than 8 bytes. */
    UDP_PKT_TOO_SMALL("udp.pkt_too_small"),
    /** UDP length field smaller than 8 or beyond the IP payload. */
    UDP_LEN_INVALID("udp.len_invalid"),
    /** ICMP header shorter than its fixed part. */
    ICMP_PKT_TOO_SMALL("icmp.pkt_too_small");

    private final String counterName;

    MalformedReason(String counterName) {
        this.counterName = counterName;
    }

    /** The stable name used as a metric tag and in summaries. */
    public String counterName() {
        return counterName;
    }
}

package gatewatch.features.decode;

/** Well-formed frames the tracker does not follow, counted by kind. */
public enum SkipReason {
    /** An EtherType (or link protocol) other than IPv4, IPv6 and ARP (LLDP, STP, ...), or ARP of another kind than Ethernet/IPv4. */
    NOT_IP("not_ip"),
    /** An IP protocol other than TCP, UDP, ICMP and ICMPv6. */
    IP_PROTOCOL_UNTRACKED("ip_protocol_untracked"),
    /** A link-layer record that carries no packet (an NFLOG record without a payload). */
    LINK_NO_PACKET("link_no_packet"),
    /** A fragment held until its datagram is complete. */
    FRAGMENT_HELD("fragment_held"),
    /** A fragment equal to one already held (same place, same bytes): a copy, ignored. */
    FRAGMENT_DUPLICATE("fragment_duplicate"),
    /** A fragment whose datagram was given up: past a {@link FragmentLimits} bound. */
    FRAGMENT_DROPPED("fragment_dropped");

    private final String counterName;

    SkipReason(String counterName) {
        this.counterName = counterName;
    }

    public String counterName() {
        return counterName;
    }
}

package gatewatch.features.decode;

/** Scratch output of a link-layer decoder: where the network layer starts and what it is. */
final class LinkResult {
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_IPV6 = 0x86dd;
    static final int ETHERTYPE_ARP = 0x0806;
    /** A well-formed link record that carries no packet (e.g. NFLOG without a payload TLV). */
    static final int NO_PACKET = -1;

    /** An EtherType (for non-Ethernet links, the one their protocol field maps to), or {@link #NO_PACKET}. */
    int etherType;
    int l3Offset;
    /** One past the last network-layer byte on the wire, in frame coordinates. */
    int wireEnd;
}

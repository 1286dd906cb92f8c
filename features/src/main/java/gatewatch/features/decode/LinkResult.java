package gatewatch.features.decode;

/** Scratch output of a link-layer decoder: where the network layer starts and what it is. */
final class LinkResult {
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_IPV6 = 0x86dd;

    int etherType;
    int l3Offset;
}

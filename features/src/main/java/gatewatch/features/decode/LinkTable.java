package gatewatch.features.decode;

import java.util.Map;

/**
 * The dispatch table from link type to link decoder: every link layer the decoder reads is
 * registered here and nowhere else. A link type not in the table is counted as
 * {@link MalformedReason#LINK_UNSUPPORTED}, frame by frame.
 */
final class LinkTable {
    private static final Map<Integer, LinkDecoder> STANDARD = Map.ofEntries(
            Map.entry(LinkType.NULL, new NullDecoder()),
            Map.entry(LinkType.ETHERNET, new EthernetDecoder()),
            Map.entry(LinkType.PPP, new PppDecoder()),
            Map.entry(LinkType.RAW_12, new RawIpDecoder(0)),
            Map.entry(LinkType.RAW_14, new RawIpDecoder(0)),
            Map.entry(LinkType.PPP_HDLC, new PppDecoder()),
            Map.entry(LinkType.RAW, new RawIpDecoder(0)),
            Map.entry(LinkType.LOOP, new NullDecoder()),
            Map.entry(LinkType.LINUX_SLL, new LinuxSllDecoder()),
            Map.entry(LinkType.IPV4, new RawIpDecoder(LinkResult.ETHERTYPE_IPV4)),
            Map.entry(LinkType.IPV6, new RawIpDecoder(LinkResult.ETHERTYPE_IPV6)),
            Map.entry(LinkType.NFLOG, new NflogDecoder()),
            Map.entry(LinkType.LINUX_SLL2, new LinuxSll2Decoder()));

    /** Indexed by link type; link types are small numbers, so a flat array is the fastest map. */
    private final LinkDecoder[] byType;

    private LinkTable(Map<Integer, LinkDecoder> decoders) {
        int max = decoders.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        byType = new LinkDecoder[max + 1];
        decoders.forEach((type, decoder) -> byType[type] = decoder);
    }

    static LinkTable standard() {
        return new LinkTable(STANDARD);
    }

    /** The decoder for {@code linkType}, or null when it is not supported. */
    LinkDecoder get(int linkType) {
        return linkType >= 0 && linkType < byType.length ? byType[linkType] : null;
    }

    /** Whether frames of {@code linkType} can be decoded. */
    boolean supports(int linkType) {
        return get(linkType) != null;
    }
}

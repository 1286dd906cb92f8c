package gatewatch.features.decode;

/**
 * BSD loopback: {@code LINKTYPE_NULL} (0), a 4-byte address family in the capturing host's byte
 * order, and {@code LINKTYPE_LOOP} (108), the same in network order.
 *
 * <p>The family is below 65,536 in either order, so a value with any of its upper 16 bits set
 * was written in the other order and is swapped (tcpdump does the same); one decoder thus reads
 * both link types from hosts of either endianness. {@code AF_INET6} differs by system: 24
 * (NetBSD, OpenBSD), 28 (FreeBSD, DragonFly), 30 (macOS).
 */
final class NullDecoder implements LinkDecoder {
    static final int HEADER = 4;
    private static final int AF_INET = 2;
    private static final int AF_INET6_BSD = 24;
    private static final int AF_INET6_FREEBSD = 28;
    private static final int AF_INET6_DARWIN = 30;

    @Override
    public MalformedReason decode(byte[] b, int off, int capLen, LinkResult out) {
        if (capLen < HEADER) {
            return MalformedReason.LINK_TRUNCATED;
        }
        long family = Bytes.u32le(b, off);
        if ((family & 0xffff_0000L) != 0) {
            family = Long.reverseBytes(family) >>> 32;
        }
        out.etherType = switch ((int) family) {
            case AF_INET -> LinkResult.ETHERTYPE_IPV4;
            case AF_INET6_BSD, AF_INET6_FREEBSD, AF_INET6_DARWIN -> LinkResult.ETHERTYPE_IPV6;
            default -> 0;
        };
        out.l3Offset = off + HEADER;
        return null;
    }
}

package gatewatch.features.decode;

/** ARP (RFC 826) for Ethernet and IPv4, the only kind that binds an IPv4 address to a MAC address. */
final class ArpDecoder {
    static final int LENGTH = 28;

    private ArpDecoder() {
    }

    /**
     * Decodes the ARP packet at {@code off} into {@code out}.
     *
     * @return {@link DecodeStatus#PACKET} for Ethernet/IPv4 ARP, {@link DecodeStatus#SKIPPED} for
     *     another kind, {@link DecodeStatus#MALFORMED} when cut short
     */
    static DecodeStatus decode(byte[] b, int off, int capEnd, ArpView out) {
        if (capEnd - off < 8) {
            return DecodeStatus.MALFORMED;
        }
        if (Bytes.u16(b, off) != 1 || Bytes.u16(b, off + 2) != LinkResult.ETHERTYPE_IPV4
                || Bytes.u8(b, off + 4) != 6 || Bytes.u8(b, off + 5) != 4) {
            return DecodeStatus.SKIPPED;
        }
        if (capEnd - off < LENGTH) {
            return DecodeStatus.MALFORMED;
        }
        out.op = Bytes.u16(b, off + 6);
        out.senderMac = Bytes.mac48(b, off + 8);
        out.senderIp = (int) Bytes.u32(b, off + 14);
        out.targetMac = Bytes.mac48(b, off + 18);
        out.targetIp = (int) Bytes.u32(b, off + 24);
        return DecodeStatus.PACKET;
    }
}

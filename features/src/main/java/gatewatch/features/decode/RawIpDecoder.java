package gatewatch.features.decode;

/**
 * Raw IP, no link header. {@code LINKTYPE_RAW} (101, and DLT 12/14 on some BSDs) may hold either
 * family, told by the version nibble; {@code LINKTYPE_IPV4} (228) and {@code LINKTYPE_IPV6} (229)
 * declare theirs, and a packet of the other version is then malformed at the IP layer.
 */
final class RawIpDecoder implements LinkDecoder {
    /** 0 to go by the version nibble, else the EtherType the link type declares. */
    private final int declared;

    RawIpDecoder(int declaredEtherType) {
        this.declared = declaredEtherType;
    }

    @Override
    public MalformedReason decode(byte[] b, int off, int capLen, LinkResult out) {
        if (capLen < 1) {
            return MalformedReason.LINK_TRUNCATED;
        }
        out.l3Offset = off;
        if (declared != 0) {
            out.etherType = declared;
            return null;
        }
        int version = Bytes.u8(b, off) >>> 4;
        if (version == 4) {
            out.etherType = LinkResult.ETHERTYPE_IPV4;
        } else if (version == 6) {
            out.etherType = LinkResult.ETHERTYPE_IPV6;
        } else {
            return MalformedReason.IP_VERSION_UNKNOWN;
        }
        return null;
    }
}

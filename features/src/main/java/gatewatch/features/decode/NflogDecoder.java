package gatewatch.features.decode;

import java.nio.ByteOrder;

/**
 * Linux netfilter log ({@code LINKTYPE_NFLOG}, 239): a 4-byte header (address family, version 0,
 * resource id) and then TLVs, each {@code length, type, value} padded to 4 bytes. The
 * {@code NFULA_PAYLOAD} TLV holds the IP packet; the family says which IP.
 *
 * <p>TLV length and type are in the capturing host's byte order. libpcap turns them into the
 * reading host's order, so a live capture or pcap4j gives native order; a file read as it is
 * stored may hold the other one. The first TLV tells which: its length read in native order
 * must fit the record, else the swapped reading must.
 */
final class NflogDecoder implements LinkDecoder {
    static final int HEADER = 4;
    private static final int TLV_HEADER = 4;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int NFULA_PAYLOAD = 9;
    /** Netlink attribute flags (nested, byte order) share the type field; they are not part of the type. */
    private static final int NLA_TYPE_MASK = 0x3fff;
    private static final boolean NATIVE_LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    @Override
    public MalformedReason decode(byte[] b, int off, int capLen, LinkResult out) {
        if (capLen < HEADER) {
            return MalformedReason.LINK_TRUNCATED;
        }
        int family = Bytes.u8(b, off);
        if (Bytes.u8(b, off + 1) != 0) {
            return MalformedReason.NFLOG_BAD_VERSION;
        }
        int capEnd = off + capLen;
        int wireEnd = out.wireEnd;
        int pos = off + HEADER;
        if (pos + TLV_HEADER > capEnd) {
            return pos == capEnd ? noPacket(out) : MalformedReason.LINK_TRUNCATED;
        }
        boolean le = NATIVE_LITTLE_ENDIAN;
        if (!fits(u16(b, pos, le), pos, wireEnd)) {
            le = !le;
            if (!fits(u16(b, pos, le), pos, wireEnd)) {
                return MalformedReason.NFLOG_TLV_INVALID;
            }
        }
        while (pos + TLV_HEADER <= capEnd) {
            int len = u16(b, pos, le);
            if (!fits(len, pos, wireEnd)) {
                return MalformedReason.NFLOG_TLV_INVALID;
            }
            if ((u16(b, pos + 2, le) & NLA_TYPE_MASK) == NFULA_PAYLOAD) {
                out.etherType = switch (family) {
                    case AF_INET -> LinkResult.ETHERTYPE_IPV4;
                    case AF_INET6 -> LinkResult.ETHERTYPE_IPV6;
                    default -> 0;
                };
                out.l3Offset = pos + TLV_HEADER;
                out.wireEnd = pos + len;
                return null;
            }
            pos += (len + 3) & ~3;
        }
        return pos >= capEnd ? noPacket(out) : MalformedReason.LINK_TRUNCATED;
    }

    private static MalformedReason noPacket(LinkResult out) {
        out.etherType = LinkResult.NO_PACKET;
        return null;
    }

    private static boolean fits(int len, int pos, int wireEnd) {
        return len >= TLV_HEADER && pos + len <= wireEnd;
    }

    private static int u16(byte[] b, int i, boolean littleEndian) {
        return littleEndian ? Bytes.u16le(b, i) : Bytes.u16(b, i);
    }
}

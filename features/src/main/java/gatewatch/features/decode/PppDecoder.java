package gatewatch.features.decode;

/**
 * PPP ({@code LINKTYPE_PPP}, 9, and {@code LINKTYPE_PPP_HDLC}, 50): an optional {@code ff 03}
 * HDLC address and control, then the PPP protocol: two bytes, or one when compressed (RFC 1661
 * protocol field compression: a first byte with its low bit set is the whole field).
 * {@code 0x0021} is IPv4 and {@code 0x0057} IPv6; anything else (LCP, IPCP, ...) is not IP.
 */
final class PppDecoder implements LinkDecoder {
    private static final int HDLC_ADDRESS = 0xff;
    private static final int HDLC_CONTROL = 0x03;
    private static final int PPP_IP = 0x0021;
    private static final int PPP_IPV6 = 0x0057;

    @Override
    public MalformedReason decode(byte[] b, int off, int capLen, LinkResult out) {
        int pos = off;
        int end = off + capLen;
        if (capLen >= 2 && Bytes.u8(b, pos) == HDLC_ADDRESS && Bytes.u8(b, pos + 1) == HDLC_CONTROL) {
            pos += 2;
        }
        if (pos >= end) {
            return MalformedReason.LINK_TRUNCATED;
        }
        int protocol;
        if ((Bytes.u8(b, pos) & 1) != 0) {
            protocol = Bytes.u8(b, pos);
            pos += 1;
        } else {
            if (pos + 2 > end) {
                return MalformedReason.LINK_TRUNCATED;
            }
            protocol = Bytes.u16(b, pos);
            pos += 2;
        }
        out.etherType = switch (protocol) {
            case PPP_IP -> LinkResult.ETHERTYPE_IPV4;
            case PPP_IPV6 -> LinkResult.ETHERTYPE_IPV6;
            default -> 0;
        };
        out.l3Offset = pos;
        return null;
    }
}

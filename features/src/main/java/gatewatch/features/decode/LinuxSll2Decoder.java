package gatewatch.features.decode;

/**
 * Linux cooked capture v2 ({@code LINKTYPE_LINUX_SLL2}, 276): the protocol (an EtherType for IP)
 * comes first, then interface index, ARPHRD type, packet type and address, 20 bytes in all.
 */
final class LinuxSll2Decoder implements LinkDecoder {
    static final int HEADER = 20;

    @Override
    public MalformedReason decode(byte[] b, int off, int capLen, LinkResult out) {
        if (capLen < HEADER) {
            return MalformedReason.LINK_TRUNCATED;
        }
        out.etherType = Bytes.u16(b, off);
        out.l3Offset = off + HEADER;
        return null;
    }
}

package gatewatch.features.decode;

/**
 * Linux cooked capture v1 ({@code LINKTYPE_LINUX_SLL}, 113): packet type, ARPHRD type, address
 * length, 8 address bytes, then the protocol (an EtherType for IP) at offset 14. The packet type
 * and ARPHRD type do not change how the payload is read, so they are not looked at.
 */
final class LinuxSllDecoder implements LinkDecoder {
    static final int HEADER = 16;
    private static final int PROTOCOL = 14;

    @Override
    public MalformedReason decode(byte[] b, int off, int capLen, LinkResult out) {
        if (capLen < HEADER) {
            return MalformedReason.LINK_TRUNCATED;
        }
        out.etherType = Bytes.u16(b, off + PROTOCOL);
        out.l3Offset = off + HEADER;
        return null;
    }
}

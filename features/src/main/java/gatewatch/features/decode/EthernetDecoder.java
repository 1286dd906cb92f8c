package gatewatch.features.decode;

/**
 * Ethernet II: two MAC addresses and an EtherType. VLAN tags after it are removed by
 * {@link VlanDecoder}, as for every link that carries an EtherType. 802.3 length frames
 * (EtherType below 0x0600, e.g. STP over LLC) come out as a type that is not IP.
 */
final class EthernetDecoder implements LinkDecoder {
    static final int HEADER = 14;

    @Override
    public MalformedReason decode(byte[] b, int off, int capLen, LinkResult out) {
        if (capLen < HEADER) {
            return MalformedReason.LINK_TRUNCATED;
        }
        out.etherType = Bytes.u16(b, off + 12);
        out.l3Offset = off + HEADER;
        return null;
    }
}

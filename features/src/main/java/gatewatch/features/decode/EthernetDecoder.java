package gatewatch.features.decode;

/**
 * Ethernet II with any stack of 802.1Q / 802.1ad / QinQ tags, up to {@link #MAX_TAGS}.
 *
 * <p>Returns the EtherType of the payload in {@link LinkResult}; the network layer is decoded by
 * the caller. 802.3 length frames (EtherType below 0x0600, e.g. STP over LLC) are not IP.
 */
final class EthernetDecoder {
    static final int HEADER = 14;
    static final int MAX_TAGS = 4;
    private static final int TPID_8021Q = 0x8100;
    private static final int TPID_8021AD = 0x88a8;
    private static final int TPID_QINQ_OLD = 0x9100;

    private EthernetDecoder() {
    }

    /** Decodes the link header at {@code off}; on success sets {@code out} and returns null. */
    static MalformedReason decode(byte[] b, int off, int len, LinkResult out) {
        if (len < HEADER) {
            return MalformedReason.LINK_TRUNCATED;
        }
        int type = Bytes.u16(b, off + 12);
        int pos = off + HEADER;
        int tags = 0;
        while (type == TPID_8021Q || type == TPID_8021AD || type == TPID_QINQ_OLD) {
            if (++tags > MAX_TAGS) {
                return MalformedReason.VLAN_TOO_DEEP;
            }
            if (pos + 4 > off + len) {
                return MalformedReason.LINK_TRUNCATED;
            }
            type = Bytes.u16(b, pos + 2);
            pos += 4;
        }
        out.etherType = type;
        out.l3Offset = pos;
        return null;
    }
}

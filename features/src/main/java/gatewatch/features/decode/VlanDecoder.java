package gatewatch.features.decode;

/**
 * A stack of 802.1Q / 802.1ad / QinQ tags after an EtherType, up to {@link #MAX_TAGS}. Runs after
 * every link decoder: Ethernet, and Linux cooked captures whose protocol is a VLAN TPID.
 */
final class VlanDecoder {
    static final int MAX_TAGS = 4;
    private static final int TAG = 4;
    private static final int TPID_8021Q = 0x8100;
    private static final int TPID_8021AD = 0x88a8;
    private static final int TPID_QINQ_OLD = 0x9100;

    private VlanDecoder() {
    }

    /** Steps over the tags, if any, before {@code capEnd}; returns null or why the frame is malformed. */
    static MalformedReason strip(byte[] b, int capEnd, LinkResult link) {
        int type = link.etherType;
        int pos = link.l3Offset;
        int tags = 0;
        while (type == TPID_8021Q || type == TPID_8021AD || type == TPID_QINQ_OLD) {
            if (++tags > MAX_TAGS) {
                return MalformedReason.VLAN_TOO_DEEP;
            }
            if (pos + TAG > capEnd) {
                return MalformedReason.VLAN_TRUNCATED;
            }
            type = Bytes.u16(b, pos + 2);
            pos += TAG;
        }
        link.etherType = type;
        link.l3Offset = pos;
        return null;
    }
}

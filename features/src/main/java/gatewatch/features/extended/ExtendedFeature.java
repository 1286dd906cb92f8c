package gatewatch.features.extended;

/**
 * Features beyond the 41: what a connection of today says that its 41 features do not, where the
 * 41 cannot tell today's traffic from an attack (docs/FEATURES.md, "Features beyond the 41"). The
 * ordinal is the column after the 41 in {@code features --extended} and in the lab corpus's
 * {@code KEY.extended.gz}. The detector uses those of them that a KDD'99 row also has a value for
 * ({@code gatewatch.detector.encode.DetectorRow}).
 */
public enum ExtendedFeature {
    /** Packets from the originator. An unanswered datagram flood is all of one side. */
    ORIG_PKTS("orig_pkts"),
    /** Packets from the responder; 0 when the other side never answered (UDP and ICMP included). */
    RESP_PKTS("resp_pkts"),
    /** Payload bytes per packet from the originator (0 without packets). */
    ORIG_MEAN_PAYLOAD("orig_mean_payload"),
    /** Payload bytes per packet from the responder (0 without packets). */
    RESP_MEAN_PAYLOAD("resp_mean_payload"),
    /**
     * Zeek's connection state as a {@link gatewatch.features.kdd.KddFlag} code, also for UDP and
     * ICMP, where KDD's {@code flag} is always SF: S0 is a datagram nobody answered.
     */
    CONN_STATE("conn_state"),
    /** The ICMP message type; -1 for TCP and UDP. */
    ICMP_TYPE("icmp_type"),
    /** The ICMP message code; -1 for TCP and UDP. */
    ICMP_CODE("icmp_code"),
    /** 1 when the connection was still open when the capture ended or the sensor stopped. */
    OPEN_AT_END("open_at_end");

    /** How many there are. */
    public static final int COUNT = values().length;

    private final String columnName;

    ExtendedFeature(String columnName) {
        this.columnName = columnName;
    }

    /** The column name in {@code features --extended}'s header and in the model's feature names. */
    public String columnName() {
        return columnName;
    }
}

package gatewatch.features.conn;

/**
 * The state of one side of a TCP connection, as Zeek's {@code TCP_Endpoint} keeps it. The
 * connection's flag is derived from the two endpoint states (see {@link ConnStateClassifier}).
 */
public enum EndpointState {
    /** Nothing seen from this side yet. */
    INACTIVE,
    /** A SYN without ACK was sent. */
    SYN_SENT,
    /** A SYN with ACK was sent, not yet acknowledged. */
    SYN_ACK_SENT,
    /** Traffic seen without having seen this side's SYN (midstream). */
    PARTIAL,
    /** The handshake completed from this side's point of view. */
    ESTABLISHED,
    /** This side sent a FIN. */
    CLOSED,
    /** This side sent a RST. */
    RESET
}

package gatewatch.features.conn;

/** Why a connection was reported. */
public enum FinishReason {
    /** Its timeout (attempt, close linger, inactivity) passed. */
    TIMEOUT,
    /** A new connection reused its 5-tuple after it had ended. */
    REUSED,
    /** The table was full and it was the least recently active. */
    EVICTED,
    /** End of input or stop: flushed while still open. */
    FLUSHED,
    /** An ICMP message: each one is its own record. */
    SINGLE_PACKET
}

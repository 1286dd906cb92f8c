package gatewatch.features.conn;

/** Receives each finished connection, on the capture thread. */
@FunctionalInterface
public interface ConnectionListener {
    /**
     * @param c      valid only during the call: its slot is reused afterwards
     * @param reason why the connection was reported now
     */
    void onConnection(Connection c, FinishReason reason);

    /**
     * A TCP or UDP connection took a slot: its originator, responder and service are set. Called
     * in packet order, so in start order. (An ICMP message is only reported, as it finishes.)
     */
    default void opened(Connection c) {
    }
}

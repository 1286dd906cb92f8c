package gatewatch.features.conn;

/** Receives each finished connection, on the capture thread. */
@FunctionalInterface
public interface ConnectionListener {
    /**
     * @param c      valid only during the call: its slot is reused afterwards
     * @param reason why the connection was reported now
     */
    void onConnection(Connection c, FinishReason reason);
}

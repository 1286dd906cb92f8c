package gatewatch.features.conn;

/**
 * Receives each finished connection, on the capture thread, from inside the tracker call that
 * finished it (often a later packet of another connection; {@link ConnectionTracker} says which).
 * Whatever it does, and any wait for room downstream, happens before that packet is done.
 */
@FunctionalInterface
public interface ConnectionListener {
    /**
     * @param c      valid only during the call: its slot is reused afterwards
     * @param reason why the connection was reported now
     */
    void onConnection(Connection c, FinishReason reason);
}

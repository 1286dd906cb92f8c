package gatewatch.sensor.forward;

/**
 * Sends alerts to one receiver. The alert log on disk is the record of truth; a forwarder only
 * tries its best within a bound: it buffers while the receiver is away, reconnects with back-off,
 * and counts whatever it could not deliver.
 */
public sealed interface Forwarder extends AutoCloseable
        permits SyslogUdpForwarder, SyslogTcpForwarder, JsonLinesTcpForwarder, HttpWebhookForwarder {

    /**
     * Takes an alert for sending. Never blocks: called from the sink thread.
     *
     * @return false when the buffer is at its bound (counted as {@link FailureCause#BUFFER_FULL})
     *         or the forwarder is closed
     */
    boolean offer(ForwardedAlert alert);

    ForwarderCounters counters();

    /** The forwarder's name, also its metric tag. */
    String name();

    /**
     * Stops taking alerts, delivers what it can within the configured close timeout, then counts
     * the rest as {@link FailureCause#GAVE_UP} and closes its connection. Blocks the caller (not
     * to be called on an event loop).
     */
    @Override
    void close();
}

package gatewatch.sensor.pipeline;

/** Sees every scored connection on the sink thread (the demo prints alerts this way; forwarders get alerts). */
@FunctionalInterface
public interface AlertListener {
    /**
     * @param alertJson the alert's JSON line (UTF-8, no newline) when the verdict is an alert, else null;
     *     the same bytes the alert log got
     */
    void onScored(Scored s, byte[] alertJson);
}

package gatewatch.sensor.pipeline;

/** Sees every scored connection on the sink thread (the demo prints alerts this way; forwarders get alerts). */
@FunctionalInterface
public interface AlertListener {
    void onScored(Scored s);
}

package gatewatch.sensor.pipeline;

import gatewatch.features.arp.ArpAlert;
import gatewatch.sensor.alert.Suppression;

/** Sees every scored connection on the sink thread (the demo prints alerts this way; forwarders get alerts, ARP alerts and suppression summaries). */
@FunctionalInterface
public interface AlertListener {
    /**
     * @param alertJson the alert's JSON line (UTF-8, no newline) when the verdict is an alert written
     *     in full, else null (not an alert, or suppressed by the alert limit); the same bytes the
     *     alert log got
     */
    void onScored(Scored s, byte[] alertJson);

    /**
     * A window of the alert limit closed with alerts suppressed; {@code json} is the
     * {@code alert_suppressed} line the alert log got.
     */
    default void onSuppressed(Suppression s, byte[] json) {
    }

    /** An ARP poisoning alert; {@code json} is the line the alert log got. */
    default void onLinkAlert(ArpAlert a, byte[] json) {
    }
}

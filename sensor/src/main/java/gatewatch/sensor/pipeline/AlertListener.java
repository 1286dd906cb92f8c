package gatewatch.sensor.pipeline;

import gatewatch.features.notice.Notice;
import gatewatch.sensor.alert.Suppression;

/** Sees every scored connection on the sink thread (the demo prints alerts this way; forwarders get alerts, notices and suppression summaries). */
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

    /** A notice (ARP poisoning, a DHCP flood); {@code json} is the alert line the alert log got. */
    default void onNotice(Notice n, byte[] json) {
    }
}

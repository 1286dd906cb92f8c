package gatewatch.sensor.alert;

import gatewatch.detector.model.Category;
import gatewatch.features.conn.IpAddress;
import java.util.Map;

/**
 * One closed window of an {@link AlertLimit} key in which alerts were suppressed: what an
 * {@code alert_suppressed} event reports.
 *
 * @param track        whether the key is the alerts' destination or their source
 * @param address      the key's address
 * @param category     the alerts' category
 * @param windowStart  the earliest end of the window's alerts, written or suppressed (epoch
 *                     nanoseconds): never after {@code firstNanos}, although connections arrive
 *                     out of order
 * @param windowNanos  the window's length
 * @param closedNanos  when the window closed: its end, or the last connection's end when the run stopped first
 * @param written      alerts of the key written in full in the window
 * @param suppressed   alerts of the key counted here instead of written
 * @param firstNanos   the earliest end of a suppressed connection
 * @param lastNanos    the latest end of a suppressed connection
 * @param labels       suppressed alerts by label
 */
public record Suppression(Track track, IpAddress address, Category category, long windowStart, long windowNanos,
        long closedNanos, long written, long suppressed, long firstNanos, long lastNanos, Map<String, Long> labels) {

    /** Which end of the alerts' connections a key follows. */
    public enum Track {
        BY_DEST("by_dest"), BY_SOURCE("by_src");

        private final String externalName;

        Track(String externalName) {
            this.externalName = externalName;
        }

        public String externalName() {
            return externalName;
        }
    }

    public Suppression {
        labels = Map.copyOf(labels);
    }
}

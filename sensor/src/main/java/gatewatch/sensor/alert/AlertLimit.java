package gatewatch.sensor.alert;

import java.time.Duration;

/**
 * How many alerts are written in full for one address and category in a window of time; the rest
 * are counted into one {@code alert_suppressed} event when the window closes. Event filtering as
 * Snort's {@code event_filter type limit} and Suricata's {@code threshold type limit} do it, kept
 * both by destination (a flood's victim) and by source (a sweep's scanner).
 *
 * @param count      alerts written in full per key and window; 0 writes every alert
 * @param per        the window, in capture time (replay behaves as live capture did)
 * @param maxTracked keys kept per direction at most; an alert for a key beyond that is written,
 *                   never dropped
 */
public record AlertLimit(int count, Duration per, int maxTracked) {
    /** Every alert written. */
    public static final AlertLimit OFF = new AlertLimit(0, Duration.ofSeconds(60), 1);
    /** 100 alerts a minute for each victim and each source, per category. */
    public static final AlertLimit DEFAULT = new AlertLimit(100, Duration.ofSeconds(60), 65_536);

    public AlertLimit {
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 (no limit) or positive, got " + count);
        }
        if (per == null || per.isZero() || per.isNegative()) {
            throw new IllegalArgumentException("per must be a positive duration, got " + per);
        }
        if (maxTracked < 1) {
            throw new IllegalArgumentException("max_tracked must be positive, got " + maxTracked);
        }
    }

    public boolean enabled() {
        return count > 0;
    }

    @Override
    public String toString() {
        return enabled() ? count + "/" + per.toMillis() + "ms" : "off";
    }
}

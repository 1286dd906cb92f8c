package gatewatch.sensor.config;

import gatewatch.sensor.alert.AlertLimit;
import java.time.Duration;

/**
 * {@code alert_limit:} — how many alerts are written in full for one victim (destination) and for
 * one source, per category, in a window; the rest are counted into one {@code alert_suppressed}
 * event per key and window.
 *
 * @param count      alerts written in full per key and window; 0 writes every alert
 * @param per        the window
 * @param maxTracked keys remembered per direction; alerts of keys beyond that are written
 */
public record AlertLimitSection(Integer count, Duration per, Integer maxTracked) {
    public AlertLimitSection {
        AlertLimit d = AlertLimit.DEFAULT;
        count = count != null ? count : d.count();
        per = per != null ? per : d.per();
        maxTracked = maxTracked != null ? maxTracked : d.maxTracked();
        if (count < 0 || count > 1_000_000_000) {
            throw new ConfigException("alert_limit.count: must be 0 (every alert written) or up to 1000000000, got " + count);
        }
        if (per.isZero() || per.isNegative()) {
            throw new ConfigException("alert_limit.per: must be positive, got " + per);
        }
        if (maxTracked < 1 || maxTracked > 10_000_000) {
            throw new ConfigException("alert_limit.max_tracked: must be between 1 and 10000000, got " + maxTracked);
        }
    }

    static AlertLimitSection defaults() {
        return new AlertLimitSection(null, null, null);
    }

    public AlertLimit toAlertLimit() {
        return new AlertLimit(count, per, maxTracked);
    }

    /** The command line's {@code --alert-limit}: count and window replaced, the key bound kept. */
    public AlertLimitSection with(AlertLimit limit) {
        return new AlertLimitSection(limit.count(), limit.per(), maxTracked);
    }
}

package gatewatch.sensor.alert;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern TEXT = Pattern.compile("(\\d+)/(\\d+)(ms|s|m|h)");

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

    /** {@code off}, or {@code COUNT/DURATION} such as {@code 100/60s} (the default's key limit kept). */
    public static AlertLimit parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("off") || t.equals("0")) {
            return OFF;
        }
        Matcher m = TEXT.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected off or COUNT/DURATION such as 100/60s, got '" + text + "'");
        }
        long n = Long.parseLong(m.group(2));
        Duration per = switch (m.group(3)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        return new AlertLimit(Integer.parseInt(m.group(1)), per, DEFAULT.maxTracked());
    }

    @Override
    public String toString() {
        return enabled() ? count + "/" + per.toMillis() + "ms" : "off";
    }
}

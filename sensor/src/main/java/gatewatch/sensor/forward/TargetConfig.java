package gatewatch.sensor.forward;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Where a forwarder sends and how it copes with the receiver being away; part of every
 * forwarder's configuration. Checked when built: a bad value fails naming the field.
 *
 * @param name         the forwarder's name and metric tag: lower case letters, digits, '-' and '_'
 * @param host         the receiver's host name or address
 * @param port         the receiver's port
 * @param bufferSize   alerts held at most while the receiver is slow or away (the bound of
 *                     DESIGN.md); what does not fit is refused and counted
 * @param backoffMin   the first wait before reconnecting
 * @param backoffMax   the longest wait before reconnecting
 * @param closeTimeout how long {@link Forwarder#close} keeps delivering before it gives up
 */
public record TargetConfig(String name, String host, int port, int bufferSize, Duration backoffMin,
                           Duration backoffMax, Duration closeTimeout) {
    public static final int DEFAULT_BUFFER_SIZE = 10_000;
    public static final Duration DEFAULT_BACKOFF_MIN = Duration.ofMillis(100);
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_BUFFER_SIZE = 10_000_000;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public TargetConfig {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be 1-63 of [a-z0-9_-] starting with a letter or digit, got " + name);
        }
        String where = "forwarder '" + name + "': ";
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(where + "host is missing");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(where + "port must be 1..65535, got " + port);
        }
        if (bufferSize < 1 || bufferSize > MAX_BUFFER_SIZE) {
            throw new IllegalArgumentException(where + "bufferSize must be 1.." + MAX_BUFFER_SIZE + " alerts, got " + bufferSize);
        }
        requirePositive(where, "backoffMin", backoffMin);
        requirePositive(where, "backoffMax", backoffMax);
        if (backoffMax.compareTo(backoffMin) < 0) {
            throw new IllegalArgumentException(where + "backoffMax (" + backoffMax + ") is less than backoffMin (" + backoffMin + ")");
        }
        if (closeTimeout == null || closeTimeout.isNegative()) {
            throw new IllegalArgumentException(where + "closeTimeout must be zero or more, got " + closeTimeout);
        }
    }

    /** A target with the default buffer, back-off and close timeout. */
    public static TargetConfig of(String name, String host, int port) {
        return new TargetConfig(name, host, port, DEFAULT_BUFFER_SIZE, DEFAULT_BACKOFF_MIN, DEFAULT_BACKOFF_MAX,
                DEFAULT_CLOSE_TIMEOUT);
    }

    public TargetConfig withBufferSize(int alerts) {
        return new TargetConfig(name, host, port, alerts, backoffMin, backoffMax, closeTimeout);
    }

    public TargetConfig withBackoff(Duration min, Duration max) {
        return new TargetConfig(name, host, port, bufferSize, min, max, closeTimeout);
    }

    public TargetConfig withCloseTimeout(Duration timeout) {
        return new TargetConfig(name, host, port, bufferSize, backoffMin, backoffMax, timeout);
    }

    /** Prefix for messages about this forwarder's other settings. */
    String where() {
        return "forwarder '" + name + "': ";
    }

    static void requirePositive(String where, String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(where + field + " must be positive, got " + value);
        }
    }
}

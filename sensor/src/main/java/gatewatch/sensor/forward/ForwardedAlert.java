package gatewatch.sensor.forward;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One alert as the sink hands it to the forwarders: already serialized, so every forwarder sends
 * the same bytes the alert log holds.
 *
 * @param timestamp when the alert was raised (the {@code timestamp} field of the JSON)
 * @param category  dos, probe, r2l, u2r or anomaly; picks the syslog severity
 * @param json      the one-line alert object of DESIGN.md
 */
public record ForwardedAlert(Instant timestamp, String category, String json) {
    /** The categories of DESIGN.md's alert schema. */
    public static final Set<String> CATEGORIES = Set.of("dos", "probe", "r2l", "u2r", "anomaly");

    public ForwardedAlert {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(json, "json");
        if (!CATEGORIES.contains(category)) {
            throw new IllegalArgumentException("category must be one of " + CATEGORIES + ", got " + category);
        }
    }
}

package gatewatch.sensor.forward;

import gatewatch.detector.model.Category;
import java.time.Instant;
import java.util.Objects;

/**
 * One alert as the sink hands it to the forwarders: already serialized, so every forwarder sends
 * the same bytes the alert log holds.
 *
 * @param timestamp when the alert was raised (the {@code timestamp} field of the JSON)
 * @param category  any but {@link Category#NORMAL}; picks the syslog severity
 * @param json      the one-line alert object of DESIGN.md
 */
public record ForwardedAlert(Instant timestamp, Category category, String json) {

    public ForwardedAlert {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(json, "json");
        if (category == Category.NORMAL) {
            throw new IllegalArgumentException("an alert's category cannot be normal");
        }
    }
}

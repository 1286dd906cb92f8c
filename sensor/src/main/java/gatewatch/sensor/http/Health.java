package gatewatch.sensor.http;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The answer of {@code /healthz}: healthy (200 {@code ok}), or not, with one line saying why (503).
 *
 * @param healthy whether the sensor is doing its job
 * @param reason  one line for an operator; {@code ok} when healthy
 */
public record Health(boolean healthy, String reason) {
    public static final Health OK = new Health(true, "ok");

    public Health {
        Objects.requireNonNull(reason, "reason");
        // One line: the reason is the whole response body and often ends up in a probe's log.
        reason = reason.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
        if (reason.isEmpty()) {
            throw new IllegalArgumentException("a health reason must say something");
        }
    }

    public static Health unhealthy(String reason) {
        return new Health(false, reason);
    }

    /** The first unhealthy answer of {@code checks}, asked in order, else {@link #OK}. */
    public static Supplier<Health> all(List<? extends Supplier<Health>> checks) {
        List<Supplier<Health>> copy = List.copyOf(checks);
        return () -> {
            for (Supplier<Health> check : copy) {
                Health h = check.get();
                if (!h.healthy()) {
                    return h;
                }
            }
            return OK;
        };
    }
}

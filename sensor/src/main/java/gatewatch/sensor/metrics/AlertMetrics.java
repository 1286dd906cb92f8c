package gatewatch.sensor.metrics;

import gatewatch.detector.model.Category;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * {@code gatewatch.sink.alerts{category}} and {@code gatewatch.sink.suppressed{category}}:
 * one series for each alert category (dos, probe, r2l, u2r, anomaly), zeros included; normal
 * verdicts are not alerts.
 */
public final class AlertMetrics implements MeterBinder {
    private final AlertCounts counts;
    private final AlertCounts suppressed;

    /**
     * @param counts     alert verdicts, written in full or suppressed
     * @param suppressed alerts counted into {@code alert_suppressed} events instead of written
     */
    public AlertMetrics(AlertCounts counts, AlertCounts suppressed) {
        this.counts = Objects.requireNonNull(counts);
        this.suppressed = Objects.requireNonNull(suppressed);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Category c : Category.values()) {
            if (c == Category.NORMAL) {
                continue;
            }
            Meters.counter("gatewatch.sink.alerts", counts, a -> a.alerts(c))
                    .description("Alert verdicts, by category (written in full or counted in an alert_suppressed event)")
                    .baseUnit("alerts").tag("category", c.externalName())
                    .register(registry);
            Meters.counter("gatewatch.sink.suppressed", suppressed, a -> a.alerts(c))
                    .description("Alerts over alert_limit, counted in alert_suppressed events instead of written, by category")
                    .baseUnit("alerts").tag("category", c.externalName())
                    .register(registry);
        }
    }
}

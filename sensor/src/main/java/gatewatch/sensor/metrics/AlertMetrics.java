package gatewatch.sensor.metrics;

import gatewatch.detector.model.Category;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * {@code gatewatch.sink.alerts{category}}: one series for each alert category (dos, probe, r2l,
 * u2r, anomaly), zeros included; normal verdicts are not alerts.
 */
public final class AlertMetrics implements MeterBinder {
    private final AlertCounts counts;

    public AlertMetrics(AlertCounts counts) {
        this.counts = Objects.requireNonNull(counts);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Category c : Category.values()) {
            if (c == Category.NORMAL) {
                continue;
            }
            Meters.counter("gatewatch.sink.alerts", counts, a -> a.alerts(c))
                    .description("Alerts written, by category").baseUnit("alerts").tag("category", c.externalName())
                    .register(registry);
        }
    }
}

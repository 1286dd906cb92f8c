package gatewatch.sensor.metrics;

import gatewatch.detector.model.Category;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * {@code gatewatch.sink.alerts{category}} and {@code gatewatch.sink.suppressed{category}}:
 * one series for each alert category (dos, probe, r2l, u2r, anomaly), zeros included; normal
 * verdicts are not alerts.
 */
public final class AlertMetrics implements MeterBinder {
    private final AlertCounts counts;
    private final AlertCounts suppressed;
    private final LongSupplier siteTypical;

    /**
     * @param counts     alert verdicts, written in full or suppressed
     * @param suppressed alerts counted into {@code alert_suppressed} events instead of written
     * @param siteTypical connections the site baseline kept from being alerts
     */
    public AlertMetrics(AlertCounts counts, AlertCounts suppressed, LongSupplier siteTypical) {
        this.counts = Objects.requireNonNull(counts);
        this.suppressed = Objects.requireNonNull(suppressed);
        this.siteTypical = Objects.requireNonNull(siteTypical);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Meters.counter("gatewatch.sink.site_typical", siteTypical, LongSupplier::getAsLong)
                .description("Connections the model alone would have alerted that the site baseline found typical of the site")
                .baseUnit("connections")
                .register(registry);
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

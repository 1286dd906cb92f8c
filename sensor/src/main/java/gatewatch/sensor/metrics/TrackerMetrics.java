package gatewatch.sensor.metrics;

import gatewatch.features.conn.FinishReason;
import gatewatch.features.conn.TrackerCounters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * The connection tracker: {@code gatewatch.tracker.packets}, {@code gatewatch.tracker.open}
 * (gauge), {@code gatewatch.tracker.created}, {@code gatewatch.tracker.finished{reason}}
 * and {@code gatewatch.tracker.evicted}. Evictions are also one {@code finished} reason;
 * the separate counter is the one an operator alerts on (the table is too small).
 */
public final class TrackerMetrics implements MeterBinder {
    private final TrackerCounters counters;
    private final IntSupplier openConnections;

    /**
     * @param openConnections the flow table's size, e.g. {@code extractor::openConnections}; read
     *                        from the scrape thread like the counters
     */
    public TrackerMetrics(TrackerCounters counters, IntSupplier openConnections) {
        this.counters = Objects.requireNonNull(counters);
        this.openConnections = Objects.requireNonNull(openConnections);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Meters.counter("gatewatch.tracker.packets", counters, TrackerCounters::packets)
                .description("Packets the connection tracker processed").baseUnit("packets").register(registry);
        Meters.gauge("gatewatch.tracker.open", openConnections, IntSupplier::getAsInt)
                .description("Connections in the flow table").baseUnit("connections").register(registry);
        Meters.counter("gatewatch.tracker.created", counters, TrackerCounters::created)
                .description("Connections opened in the flow table").baseUnit("connections").register(registry);
        for (FinishReason reason : FinishReason.values()) {
            Meters.counter("gatewatch.tracker.finished", counters, c -> c.finished(reason))
                    .description("Connections reported, by why they ended").baseUnit("connections")
                    .tag("reason", tag(reason)).register(registry);
        }
        Meters.counter("gatewatch.tracker.evicted", counters, TrackerCounters::evicted)
                .description("Connections pushed out of a full flow table (least recently active first)")
                .baseUnit("connections").register(registry);
        Meters.counter("gatewatch.tracker.link.control", counters, TrackerCounters::linkControl)
                .description("ICMPv6 neighbour and multicast-listener discovery messages (no record)")
                .baseUnit("packets").register(registry);
    }

    /** FinishReason has no external name of its own; the enum name in lower case is stable enough. */
    static String tag(FinishReason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }
}

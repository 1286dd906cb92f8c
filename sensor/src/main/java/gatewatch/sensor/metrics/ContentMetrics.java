package gatewatch.sensor.metrics;

import gatewatch.features.content.ContentCounters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * The content inspector: {@code gatewatch.content.connections{outcome}} (inspected, not_inspected
 * when every session was in use, unrecognised payload), {@code gatewatch.content.bytes{kind}}
 * (reassembled, over_budget, overlapping), {@code gatewatch.content.held} and
 * {@code gatewatch.content.gaps}.
 */
public final class ContentMetrics implements MeterBinder {
    private final ContentCounters counters;

    public ContentMetrics(ContentCounters counters) {
        this.counters = Objects.requireNonNull(counters);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        connections(registry, "inspected", c -> c.connectionsInspected);
        connections(registry, "not_inspected", c -> c.connectionsNotInspected);
        connections(registry, "unrecognised", c -> c.connectionsUnrecognised);
        bytes(registry, "reassembled", c -> c.bytesReassembled);
        bytes(registry, "over_budget", c -> c.bytesOverBudget);
        bytes(registry, "overlapping", c -> c.bytesOverlapping);
        Meters.counter("gatewatch.content.held", counters, c -> c.segmentsHeld)
                .description("TCP segments held out of order until their hole was filled or skipped")
                .baseUnit("segments").register(registry);
        Meters.counter("gatewatch.content.gaps", counters, c -> c.gaps)
                .description("Holes in a stream skipped over: data never seen or beyond the reorder window")
                .register(registry);
    }

    private void connections(MeterRegistry registry, String outcome, ToLongFunction<ContentCounters> f) {
        Meters.counter("gatewatch.content.connections", counters, f::applyAsLong)
                .description("Connections of an inspected service, by outcome").baseUnit("connections")
                .tag("outcome", outcome).register(registry);
    }

    private void bytes(MeterRegistry registry, String kind, ToLongFunction<ContentCounters> f) {
        Meters.counter("gatewatch.content.bytes", counters, f::applyAsLong)
                .description("Payload bytes of inspected streams, by what reassembly did with them")
                .baseUnit("bytes").tag("kind", kind).register(registry);
    }
}

package gatewatch.sensor.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pipeline's queues, tagged {@code queue=<name>}: {@code gatewatch.pipeline.queue.depth} and
 * {@code gatewatch.pipeline.queue.capacity} (gauges), {@code gatewatch.pipeline.queue.offered} and
 * {@code gatewatch.pipeline.queue.dropped} (counters).
 */
public final class QueueMetrics implements MeterBinder {
    private final List<QueueView> queues;

    public QueueMetrics(List<? extends QueueView> queues) {
        this.queues = List.copyOf(queues);
        Set<String> names = new HashSet<>();
        for (QueueView q : this.queues) {
            if (!names.add(q.name())) {
                // Two queues under one tag would register as one series and hide the second.
                throw new IllegalArgumentException("two queues named '" + q.name() + "'");
            }
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (QueueView q : queues) {
            Meters.gauge("gatewatch.pipeline.queue.depth", q, QueueView::depth)
                    .description("Items waiting in the queue").baseUnit("items").tag("queue", q.name())
                    .register(registry);
            Meters.gauge("gatewatch.pipeline.queue.capacity", q, QueueView::capacity)
                    .description("The most items the queue holds").baseUnit("items").tag("queue", q.name())
                    .register(registry);
            Meters.counter("gatewatch.pipeline.queue.offered", q, QueueView::offered)
                    .description("Items offered to the queue").baseUnit("items").tag("queue", q.name())
                    .register(registry);
            Meters.counter("gatewatch.pipeline.queue.dropped", q, QueueView::dropped)
                    .description("Items turned away because the queue was full").baseUnit("items")
                    .tag("queue", q.name()).register(registry);
        }
    }
}

package gatewatch.sensor.metrics;

import gatewatch.detector.model.Category;

/**
 * Alert counts of the sink, by category; called from the scrape thread, so it must be safe to
 * call from any thread.
 */
@FunctionalInterface
public interface AlertCounts {
    /** Alerts of {@code category} since start; never asked for {@link Category#NORMAL}. */
    long alerts(Category category);
}

/**
 * Micrometer binders, one per stage, that read each stage's own counters when the registry is
 * scraped ({@code FunctionCounter} and {@code Gauge}), so the capture thread never calls Micrometer.
 *
 * <p>Names follow {@code gatewatch.<stage>.<thing>} in lower-case dots, the unit in
 * {@code baseUnit}, and the varying part a tag from a closed set ({@code reason},
 * {@code category}, {@code queue}); never an address or port.
 *
 * <p>Reads from the scrape thread are unsynchronised reads of fields that one stage thread writes:
 * a value may lag by a few increments, which a monitoring counter tolerates; the stage pays no
 * fence for it.
 *
 * <p>The interfaces {@link gatewatch.sensor.metrics.QueueView}, {@link gatewatch.sensor.metrics.AlertCounts}
 * and {@link gatewatch.sensor.metrics.VerdictLatency} are what the pipeline implements (or adapts
 * to) so that these binders need none of its classes.
 */
package gatewatch.sensor.metrics;

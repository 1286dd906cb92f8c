package gatewatch.sensor.metrics;

/** Where the detector thread reports how long its verdicts took. */
@FunctionalInterface
public interface VerdictLatency {
    /**
     * Records one scored batch.
     *
     * @param nanos time the batch took, in nanoseconds
     * @param count verdicts in the batch; 0 records nothing
     */
    void record(long nanos, int count);
}

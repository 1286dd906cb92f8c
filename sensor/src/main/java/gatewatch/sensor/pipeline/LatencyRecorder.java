package gatewatch.sensor.pipeline;

/** Where the detector stage reports how long verdicts took (the metrics' histogram). */
@FunctionalInterface
public interface LatencyRecorder {
    LatencyRecorder NONE = (nanos, count) -> { };

    /** A batch of {@code count} verdicts took {@code nanos}. */
    void batch(long nanos, int count);
}

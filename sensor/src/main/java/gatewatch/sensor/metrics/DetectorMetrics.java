package gatewatch.sensor.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * {@code gatewatch.detector.verdicts} (verdicts made) and {@code gatewatch.detector.memo.hits}
 * (those taken from the detector's memo of recent rows instead of a model run): their ratio tells
 * an operator how much of the scoring a flood or scan cost.
 */
public final class DetectorMetrics implements MeterBinder {
    private final LongSupplier verdicts;
    private final LongSupplier memoHits;

    public DetectorMetrics(LongSupplier verdicts, LongSupplier memoHits) {
        this.verdicts = Objects.requireNonNull(verdicts);
        this.memoHits = Objects.requireNonNull(memoHits);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Meters.counter("gatewatch.detector.verdicts", verdicts, LongSupplier::getAsLong)
                .description("Connection records scored").baseUnit("verdicts").register(registry);
        Meters.counter("gatewatch.detector.memo.hits", memoHits, LongSupplier::getAsLong)
                .description("Verdicts taken from the memo of recently scored rows (the same 41 values)")
                .baseUnit("verdicts").register(registry);
    }
}

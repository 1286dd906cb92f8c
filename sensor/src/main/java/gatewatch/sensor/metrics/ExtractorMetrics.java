package gatewatch.sensor.metrics;

import gatewatch.features.extract.FeatureExtractor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * Everything the capture thread's {@link FeatureExtractor} counts: the decoder, tracker and
 * content binders over its counters, plus {@code gatewatch.extractor.records} (connection records
 * emitted).
 */
public final class ExtractorMetrics implements MeterBinder {
    private final FeatureExtractor extractor;

    public ExtractorMetrics(FeatureExtractor extractor) {
        this.extractor = Objects.requireNonNull(extractor);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        new DecoderMetrics(extractor.decodeCounters()).bindTo(registry);
        new TrackerMetrics(extractor.trackerCounters(), extractor::openConnections).bindTo(registry);
        new ContentMetrics(extractor.contentCounters()).bindTo(registry);
        Meters.counter("gatewatch.extractor.records", extractor, FeatureExtractor::records)
                .description("Connection records emitted (41 KDD features each)").baseUnit("records")
                .register(registry);
    }
}

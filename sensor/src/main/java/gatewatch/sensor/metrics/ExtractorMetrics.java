package gatewatch.sensor.metrics;

import gatewatch.features.arp.ArpWatch;
import gatewatch.features.counting.SingleWriterCounters;
import gatewatch.features.extract.FeatureExtractor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * Everything the capture thread's {@link FeatureExtractor} counts: the decoder, tracker and
 * content binders over its counters, the ARP watch's {@code gatewatch.arp.*}, plus
 * {@code gatewatch.extractor.records} (connection records emitted).
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
        SingleWriterCounters arp = extractor.arpCounters();
        Meters.counter("gatewatch.arp.packets", arp, c -> c.get(ArpWatch.REQUESTS))
                .description("ARP packets (Ethernet, IPv4) by operation").tag("op", "request").baseUnit("packets")
                .register(registry);
        Meters.counter("gatewatch.arp.packets", arp, c -> c.get(ArpWatch.REPLIES))
                .description("ARP packets (Ethernet, IPv4) by operation").tag("op", "reply").baseUnit("packets")
                .register(registry);
        Meters.counter("gatewatch.arp.unsolicited.replies", arp, c -> c.get(ArpWatch.UNSOLICITED))
                .description("ARP replies no request was seen for (not gratuitous)").baseUnit("packets")
                .register(registry);
        Meters.counter("gatewatch.arp.untracked", arp, c -> c.get(ArpWatch.UNTRACKED))
                .description("ARP addresses a full table of the ARP watch could not track").baseUnit("keys")
                .register(registry);
        Meters.counter("gatewatch.extractor.records", extractor, FeatureExtractor::records)
                .description("Connection records emitted (41 KDD features each)").baseUnit("records")
                .register(registry);
    }
}

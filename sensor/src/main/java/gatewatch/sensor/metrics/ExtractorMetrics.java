package gatewatch.sensor.metrics;

import gatewatch.features.arp.ArpWatch;
import gatewatch.features.counting.SingleWriterCounters;
import gatewatch.features.dhcp.DhcpWatch;
import gatewatch.features.extract.FeatureExtractor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/**
 * Everything the capture thread's {@link FeatureExtractor} counts: the decoder, tracker and
 * content binders over its counters, the ARP and DHCP watches' {@code gatewatch.arp.*} and
 * {@code gatewatch.dhcp.*}, plus
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
        String arpPackets = "ARP packets (Ethernet, IPv4) by operation";
        watch(registry, "gatewatch.arp.packets", arp, ArpWatch.REQUESTS, arpPackets, "packets", "op", "request");
        watch(registry, "gatewatch.arp.packets", arp, ArpWatch.REPLIES, arpPackets, "packets", "op", "reply");
        watch(registry, "gatewatch.arp.unsolicited", arp, ArpWatch.UNSOLICITED,
                "ARP replies no request was seen for (not gratuitous)", "replies");
        watch(registry, "gatewatch.arp.untracked", arp, ArpWatch.UNTRACKED,
                "ARP addresses a full table of the ARP watch could not track", "keys");
        SingleWriterCounters dhcp = extractor.dhcpCounters();
        watch(registry, "gatewatch.dhcp.client", dhcp, DhcpWatch.CLIENT_MESSAGES,
                "DHCPv4 client messages (BOOTP requests to port 67) seen by the DHCP watch", "messages");
        watch(registry, "gatewatch.dhcp.untracked", dhcp, DhcpWatch.UNTRACKED,
                "DHCP client addresses a full table of the DHCP watch could not track", "keys");
        Meters.counter("gatewatch.extractor.records", extractor, FeatureExtractor::records)
                .description("Connection records emitted (41 KDD features each)").baseUnit("records")
                .register(registry);
    }

    private static void watch(MeterRegistry registry, String name, SingleWriterCounters counters, int index,
            String description, String unit, String... tags) {
        Meters.counter(name, counters, c -> c.get(index)).description(description).baseUnit(unit).tags(tags)
                .register(registry);
    }
}

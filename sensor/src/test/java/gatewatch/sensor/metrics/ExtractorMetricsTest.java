package gatewatch.sensor.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.decode.MalformedReason;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.extract.FeatureExtractor;
import gatewatch.features.extract.FeatureExtractor.ExtractorConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoder, tracker and content binders over a real extractor fed real frames. */
class ExtractorMetricsTest {
    private final List<ConnectionRecord> records = new ArrayList<>();
    private final FeatureExtractor extractor = new FeatureExtractor(ExtractorConfig.defaults().withMaxConnections(2),
            records::add);
    private final Traffic traffic = new Traffic(extractor);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    ExtractorMetricsTest() {
        new ExtractorMetrics(extractor).bindTo(registry);
    }

    private double counter(String name, String... tags) {
        return registry.get(name).tags(tags).functionCounter().count();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    @Test
    void decoderCountsFramesPacketsMalformedByReasonAndSkipped() {
        traffic.tcpSession("10.0.0.1", 40000, "10.0.0.2", 80, "GET / HTTP/1.0\r\n\r\n");
        traffic.truncatedEthernet();
        traffic.truncatedEthernet();
        traffic.wrongIpVersion();
        traffic.arp();

        assertThat(counter("gatewatch.decoder.frames")).isEqualTo(8);
        assertThat(counter("gatewatch.decoder.packets")).isEqualTo(4);
        assertThat(counter("gatewatch.decoder.malformed", "reason", "link.truncated")).isEqualTo(2);
        assertThat(counter("gatewatch.decoder.malformed", "reason", "ipv4.wrong_version")).isEqualTo(1);
        assertThat(counter("gatewatch.decoder.malformed", "reason", "tcp.pkt_too_small")).isZero();
        assertThat(counter("gatewatch.decoder.skipped", "reason", "not_ip")).isEqualTo(1);
        // One series per reason, zeros included, so a rate() never meets a missing series.
        assertThat(registry.get("gatewatch.decoder.malformed").functionCounters())
                .hasSize(MalformedReason.values().length);
    }

    @Test
    void arpWatchCountsRepliesNobodyAskedFor() {
        traffic.arpReply(0x0200_0000_00aaL, "10.0.0.1");
        traffic.arpReply(0x0200_0000_00aaL, "10.0.0.1");

        assertThat(counter("gatewatch.arp.packets", "op", "reply")).isEqualTo(2);
        assertThat(counter("gatewatch.arp.packets", "op", "request")).isZero();
        assertThat(counter("gatewatch.arp.unsolicited")).isEqualTo(2);
        assertThat(counter("gatewatch.arp.untracked")).isZero();
        assertThat(counter("gatewatch.decoder.skipped", "reason", "not_ip")).isZero();
    }

    @Test
    void countersAreReadWhenAskedNotCopiedAtBindTime() {
        assertThat(counter("gatewatch.decoder.frames")).isZero();
        traffic.truncatedEthernet();
        assertThat(counter("gatewatch.decoder.frames")).isEqualTo(1);
        assertThat(counter("gatewatch.decoder.malformed", "reason", "link.truncated")).isEqualTo(1);
    }

    @Test
    void trackerCountsOpenCreatedFinishedAndEvicted() {
        traffic.syn("10.0.0.1", 40001, "10.0.0.2", 80);
        traffic.syn("10.0.0.1", 40002, "10.0.0.2", 80);
        assertThat(gauge("gatewatch.tracker.open")).isEqualTo(2);
        assertThat(counter("gatewatch.tracker.created")).isEqualTo(2);

        // The table holds two: a third connection evicts the least recently active.
        traffic.syn("10.0.0.1", 40003, "10.0.0.2", 80);
        assertThat(counter("gatewatch.tracker.evicted")).isEqualTo(1);
        assertThat(counter("gatewatch.tracker.finished", "reason", "evicted")).isEqualTo(1);
        assertThat(gauge("gatewatch.tracker.open")).isEqualTo(2);

        extractor.finish();
        assertThat(counter("gatewatch.tracker.finished", "reason", "flushed")).isEqualTo(2);
        assertThat(gauge("gatewatch.tracker.open")).isZero();
        assertThat(counter("gatewatch.tracker.packets")).isEqualTo(3);
        assertThat(counter("gatewatch.extractor.records")).isEqualTo(3).isEqualTo(records.size());
    }

    @Test
    void contentCountsInspectedConnectionsAndReassembledBytes() {
        traffic.tcpSession("10.0.0.1", 40010, "10.0.0.2", 23, "root\r\n");
        extractor.finish();

        assertThat(counter("gatewatch.content.connections", "outcome", "inspected")).isEqualTo(1);
        assertThat(counter("gatewatch.content.connections", "outcome", "not_inspected")).isZero();
        assertThat(counter("gatewatch.content.bytes", "kind", "reassembled")).isEqualTo("root\r\n".length());
        assertThat(registry.find("gatewatch.content.held").functionCounter()).isNotNull();
        assertThat(registry.find("gatewatch.content.gaps").functionCounter()).isNotNull();
    }
}

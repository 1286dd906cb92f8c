package gatewatch.sensor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gatewatch.detector.model.Category;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsReporterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long S = 1_000_000_000L;

    private static StatsSnapshot snapshot(long frames, long received, long kernelDrops, long connections, long dos) {
        return new StatsSnapshot(frames, frames * 100, received, kernelDrops, 0, 3, Map.of("ipv4.pkt_too_small", 2L),
                connections, 1, Map.of(Category.DOS, dos, Category.PROBE, 0L), 5, 0);
    }

    @Test
    void writesALineEachIntervalWithTotalsAndTheIntervalsLoss() throws Exception {
        Deque<StatsSnapshot> snapshots = new ArrayDeque<>(List.of(
                snapshot(1_000, 1_000, 0, 40, 2),
                // Linux counts the kernel's drops among the received: 1,000 more offered, 100 of them lost.
                snapshot(1_900, 2_000, 100, 70, 9)));
        StatsReporter r = new StatsReporter(snapshots::poll, Duration.ofSeconds(60), "gw1", "eth1", 0);

        assertThat(r.lineIfDue(59 * S)).isNull();
        JsonNode first = JSON.readTree(r.lineIfDue(60 * S));
        assertThat(r.lineIfDue(61 * S)).isNull();
        JsonNode second = JSON.readTree(r.lineIfDue(120 * S));

        assertThat(first.get("event_type").asText()).isEqualTo("stats");
        assertThat(first.get("sensor").asText()).isEqualTo("gw1");
        assertThat(first.get("in_iface").asText()).isEqualTo("eth1");
        JsonNode stats = second.get("stats");
        assertThat(stats.get("uptime").asLong()).isEqualTo(120);
        assertThat(stats.at("/capture/frames").asLong()).isEqualTo(1_900);
        assertThat(stats.at("/capture/bytes").asLong()).isEqualTo(190_000);
        assertThat(stats.at("/capture/kernel_drops").asLong()).isEqualTo(100);
        assertThat(stats.at("/capture/queue_drops").asLong()).isEqualTo(3);
        assertThat(stats.at("/decoder/malformed").asLong()).isEqualTo(2);
        assertThat(stats.at("/decoder/malformed_by_reason/ipv4.pkt_too_small").asLong()).isEqualTo(2);
        assertThat(stats.at("/flow/connections").asLong()).isEqualTo(70);
        assertThat(stats.at("/detect/alerts").asLong()).isEqualTo(9);
        assertThat(stats.at("/detect/alerts_by_category/dos").asLong()).isEqualTo(9);
        assertThat(stats.at("/detect/alerts_by_category/u2r").asLong()).isZero();
        assertThat(stats.at("/detect/suppressed").asLong()).isEqualTo(5);

        JsonNode loss = second.get("capture_loss");
        assertThat(loss.get("ts_delta").asDouble()).isEqualTo(60.0);
        assertThat(loss.get("frames").asLong()).isEqualTo(900);
        assertThat(loss.get("dropped").asLong()).isEqualTo(100);
        assertThat(loss.get("percent_lost").decimalValue()).isEqualByComparingTo("10.000");
        assertThat(first.get("capture_loss").get("percent_lost").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void zeroIntervalWritesOnlyTheFinalLineAndAReplayHasNoBytesOrInterface() throws Exception {
        StatsSnapshot s = new StatsSnapshot(10, -1, 10, 0, 0, 0, Map.of(), 4, 0, Map.of(), 0, 0);
        StatsReporter r = new StatsReporter(() -> s, Duration.ZERO, "gw1", null, 0);
        assertThat(r.lineIfDue(3_600 * S)).isNull();
        JsonNode last = JSON.readTree(r.finalLine(3_600 * S));
        assertThat(last.has("in_iface")).isFalse();
        assertThat(last.at("/stats/capture").has("bytes")).isFalse();
        assertThat(last.at("/stats/flow/connections").asLong()).isEqualTo(4);
    }
}

package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gatewatch.features.testing.BundledCapture;
import gatewatch.features.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay --stats}: one stats event ends the alert log, and it agrees with the summary. */
class ReplayStatsTest {
    @TempDir
    Path tmp;

    @Test
    void theStatsEventAgreesWithTheSummary() throws Exception {
        Path capture = SharedData.require("pcaps/malformed/suricata-ipv4-truncated.pcap");
        Path flood = SharedData.require("pcaps/attack/icmp-ping-sweep-256-hosts.pcap");
        Path alerts = tmp.resolve("alerts.json");
        Path summary = tmp.resolve("summary.json");
        CliRun run = CliRun.of("replay", "--stats", "--alerts", alerts.toString(), "--summary-json", summary.toString(),
                "--sensor-name", "gw-test", capture.toString(), flood.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        ObjectMapper m = new ObjectMapper();
        List<String> lines = Files.readAllLines(alerts);
        List<JsonNode> stats = lines.stream().map(l -> read(m, l)).filter(j -> j.get("event_type").asText().equals("stats")).toList();
        assertThat(stats).hasSize(1);
        assertThat(read(m, lines.getLast()).get("event_type").asText()).isEqualTo("stats");
        JsonNode s = stats.getFirst().get("stats");
        JsonNode sum = m.readTree(summary.toFile());
        assertThat(stats.getFirst().get("sensor").asText()).isEqualTo("gw-test");
        assertThat(s.at("/capture/frames").asLong()).isEqualTo(sum.get("frames").asLong()).isPositive();
        assertThat(s.at("/flow/connections").asLong()).isEqualTo(sum.get("connections").asLong());
        assertThat(s.at("/detect/alerts").asLong()).isEqualTo(sum.get("alerts").asLong());
        assertThat(s.at("/detect/alerts_by_category/probe").asLong())
                .isEqualTo(sum.get("alerts_by_category").get("probe").asLong());
        assertThat(s.at("/decoder/malformed").asLong()).isEqualTo(sum.get("malformed_frames").asLong()).isPositive();
        long byReason = 0;
        for (JsonNode n : s.at("/decoder/malformed_by_reason")) {
            byReason += n.asLong();
        }
        assertThat(byReason).isEqualTo(sum.get("malformed_frames").asLong());
        assertThat(stats.getFirst().get("capture_loss").get("dropped").asLong()).isZero();
    }

    @Test
    void withoutTheOptionThereIsNoStatsEvent() throws Exception {
        // The bundled capture has attacks in it: alerts are written, and still no stats event.
        Path capture = BundledCapture.PCAP.copyTo(tmp);
        Path alerts = tmp.resolve("alerts.json");
        assertThat(CliRun.of("replay", "--alerts", alerts.toString(), capture.toString()).exitCode()).isZero();
        assertThat(Files.readString(alerts)).contains("\"event_type\":\"alert\"").doesNotContain("\"stats\"");
    }

    private static JsonNode read(ObjectMapper m, String line) {
        try {
            return m.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(line, e);
        }
    }
}

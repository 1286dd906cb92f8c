package gatewatch.sensor.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatewatch run} writes a {@code stats} event every {@code stats_interval} into its alert
 * log, with the interface as {@code in_iface}, and a last one when SIGTERM ends it. Captures on
 * the loopback interface; traffic is not needed.
 */
class LiveStatsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void runWritesStatsEveryIntervalAndAtTheEnd() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "skipped: live capture needs root (or CAP_NET_RAW and CAP_NET_ADMIN)");
        Path alerts = tmp.resolve("alerts.json");
        Path config = tmp.resolve("gatewatch.yaml");
        Files.writeString(config, "stats_interval: 1s\nmetrics:\n  enabled: false\n");
        List<String> command = new ArrayList<>(Daemon.gatewatch());
        command.addAll(List.of("run", "--interface", "lo", "--config", config.toString(), "--alerts", alerts.toString(),
                "--sensor-name", "gw-stats"));
        try (ChildProcess daemon = ChildProcess.start("gatewatch run", command, tmp.resolve("daemon.log"))) {
            // Bounded: the daemon writes one line a second once capturing; give start-up its time.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (statsLines(alerts).size() < 2 && System.nanoTime() < deadline) {
                assertThat(daemon.isAlive()).as("gatewatch run ended:\n%s", daemon.log()).isTrue();
                Thread.sleep(200);
            }
            int periodic = statsLines(alerts).size();
            assertThat(periodic).as(daemon.log()).isGreaterThanOrEqualTo(2);
            assertThat(daemon.terminate(Duration.ofSeconds(30)).exit()).as(daemon.log()).isZero();
        }
        List<JsonNode> stats = statsLines(alerts);
        assertThat(stats.size()).isGreaterThanOrEqualTo(3);
        for (JsonNode s : stats) {
            assertThat(s.get("in_iface").asText()).isEqualTo("lo");
            assertThat(s.get("sensor").asText()).isEqualTo("gw-stats");
            assertThat(s.at("/stats/capture/kernel_drops").isIntegralNumber()).isTrue();
            assertThat(s.at("/capture_loss/percent_lost").isNumber()).isTrue();
        }
        // Totals never go down from one line to the next.
        for (int i = 1; i < stats.size(); i++) {
            assertThat(stats.get(i).at("/stats/capture/frames").asLong())
                    .isGreaterThanOrEqualTo(stats.get(i - 1).at("/stats/capture/frames").asLong());
        }
    }

    private static List<JsonNode> statsLines(Path alerts) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(alerts)) {
            return out;
        }
        for (String line : Files.readAllLines(alerts)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode j = JSON.readTree(line);
            if ("stats".equals(j.get("event_type").asText())) {
                out.add(j);
            }
        }
        return out;
    }
}

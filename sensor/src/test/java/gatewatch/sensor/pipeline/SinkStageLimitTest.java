package gatewatch.sensor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gatewatch.detector.model.Category;
import gatewatch.detector.model.Verdict;
import gatewatch.features.decode.LinkType;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.extract.FeatureExtractor;
import gatewatch.features.encode.Frames;
import gatewatch.sensor.alert.AlertLimit;
import gatewatch.sensor.alert.JsonLinesLog;
import gatewatch.sensor.alert.LogFileConfig;
import gatewatch.sensor.alert.Suppression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink with an alert limit: lines and summaries in the alert log, summaries to listeners, and
 * in live capture a summary written when its window ends by the wall clock, while no connection
 * ends to move the limiter's clock.
 */
class SinkStageLimitTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** Half-open connections from three sources to one victim, ending at {@code endNanos}. */
    static List<Scored> flood(int n, long endNanos) {
        List<ConnectionRecord> out = new ArrayList<>();
        FeatureExtractor fx = new FeatureExtractor(FeatureExtractor.ExtractorConfig.defaults(), out::add);
        for (int i = 0; i < n; i++) {
            byte[] f = Frames.tcp("192.0.2." + (1 + i % 3), 40000 + i, "10.1.1.80", 80).flags(Frames.SYN).ethernet();
            fx.onFrame(f, 0, f.length, f.length, LinkType.ETHERNET, endNanos);
        }
        fx.finish();
        Verdict neptune = new Verdict(Category.DOS, "neptune", 0.9, 0.5, List.of("count"));
        return out.stream().map(r -> new Scored(r, neptune)).toList();
    }

    private static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static List<JsonNode> lines(Path file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            out.add(JSON.readTree(l));
        }
        return out;
    }

    private static boolean hasSummary(Path file) throws Exception {
        return Files.exists(file) && Files.readString(file).contains("\"alert_suppressed\"");
    }

    @Test
    @Timeout(30)
    void liveCaptureWritesTheSummaryWhenTheWindowEndsWithoutWaitingForTraffic() throws Exception {
        Path log = tmp.resolve("alerts.json");
        StageQueue<Scored> in = new StageQueue<>("verdicts", 64, FullQueuePolicy.BLOCK);
        List<Suppression> heard = new CopyOnWriteArrayList<>();
        AlertListener listener = new AlertListener() {
            @Override
            public void onScored(Scored s, byte[] alertJson) {
            }

            @Override
            public void onSuppressed(Suppression s, byte[] json) {
                heard.add(s);
            }
        };
        try (JsonLinesLog alerts = new JsonLinesLog(LogFileConfig.simple(log))) {
            SinkStage sink = new SinkStage(in, new Outputs(alerts, null, null, List.of(listener), "t",
                    new AlertLimit(2, Duration.ofSeconds(1), 100)));
            sink.useWallClock();
            Thread t = Thread.ofPlatform().name("sink").start(sink);
            for (Scored s : flood(5, nowNanos())) {
                in.put(s);
            }
            // Nothing more arrives; the queue stays open, as on a quiet link.
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!hasSummary(log) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            boolean beforeTheEnd = hasSummary(log);
            in.close();
            t.join();
            assertThat(beforeTheEnd).as("summary written while the capture still ran").isTrue();
            assertThat(sink.alerts(Category.DOS)).isEqualTo(5);
            assertThat(sink.suppressed(Category.DOS)).isEqualTo(3);
        }
        List<JsonNode> lines = lines(log);
        assertThat(lines).extracting(j -> j.get("event_type").asText()).containsExactly("alert", "alert", "alert_suppressed");
        JsonNode summary = lines.get(2);
        assertThat(summary.get("dest_ip").asText()).isEqualTo("10.1.1.80");
        assertThat(summary.get("suppressed").get("count").asLong()).isEqualTo(3);
        assertThat(heard).singleElement().satisfies(s -> assertThat(s.suppressed()).isEqualTo(3));
    }

    @Test
    @Timeout(30)
    void replayClosesWindowsByCaptureTimeOnlyAndTheLastAtTheEnd() throws Exception {
        Path log = tmp.resolve("replay.json");
        StageQueue<Scored> in = new StageQueue<>("verdicts", 64, FullQueuePolicy.BLOCK);
        long y1999 = 920_880_000L * 1_000_000_000L; // 1999-03-08, as a KDD-era capture would be
        try (JsonLinesLog alerts = new JsonLinesLog(LogFileConfig.simple(log))) {
            SinkStage sink = new SinkStage(in, new Outputs(alerts, null, null, List.of(), "t",
                    new AlertLimit(2, Duration.ofSeconds(1), 100)));
            Thread t = Thread.ofPlatform().name("sink").start(sink);
            flood(5, y1999).forEach(in::put);
            Thread.sleep(1_500); // longer than the window by the wall clock; capture time has not moved
            assertThat(hasSummary(log)).isFalse();
            flood(4, y1999 + 2_000_000_000L).forEach(in::put); // two seconds later in the capture
            in.close();
            t.join();
        }
        List<JsonNode> lines = lines(log);
        assertThat(lines).extracting(j -> j.get("event_type").asText())
                .containsExactly("alert", "alert", "alert_suppressed", "alert", "alert", "alert_suppressed");
        assertThat(lines.get(2).get("suppressed").get("count").asLong()).isEqualTo(3);
        assertThat(lines.get(5).get("suppressed").get("count").asLong()).isEqualTo(2);
    }
}

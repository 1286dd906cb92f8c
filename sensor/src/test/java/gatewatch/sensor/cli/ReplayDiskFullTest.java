package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gatewatch.sensor.alert.JsonLinesLog;
import gatewatch.sensor.alert.LogCapture;
import gatewatch.sensor.alert.SmallTmpfs;
import gatewatch.sensor.alert.WholeLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatewatch replay} with its alert and records logs on a real full disk (a 64 KB tmpfs):
 * the summary is printed, names the files and the reason, counts exactly what was not written,
 * the logs hold whole lines only, and the replay exits 1.
 */
class ReplayDiskFullTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    private static Path capture;

    @BeforeAll
    static void synthesize() {
        capture = MixCapture.write(tmp);
    }

    private record Replay(CliRun run, JsonNode summary, Path alerts, Path records) {
    }

    private static Replay replay(SmallTmpfs fs, String name, String... extra) throws Exception {
        Path alerts = fs.dir().resolve(name + "-alerts.json");
        Path records = fs.dir().resolve(name + "-records.json");
        Path summary = tmp.resolve(name + "-summary.json");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("replay", capture.toString(),
                "--alerts", alerts.toString(), "--records", records.toString(), "--summary-json", summary.toString(),
                "--alert-limit", "off"));
        args.addAll(java.util.List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        return new Replay(run, JSON.readTree(summary.toFile()), alerts, records);
    }

    @Test
    void aFullDiskEndsWithTheSummaryAnExactLossCountWholeLinesAndExit1() throws Exception {
        try (SmallTmpfs fs = SmallTmpfs.mount(tmp.resolve("disk"), "64k")) {
            Replay r = replay(fs, "full");
            assertThat(r.run().exitCode()).as(r.run().err()).isEqualTo(1);
            String err = r.run().err();
            assertThat(err).contains(String.format(java.util.Locale.ROOT, "frames %,d", MixCapture.FRAMES)).contains("alerts by category:")
                    .contains("alerts log " + r.alerts() + ": ").contains("records log " + r.records() + ": ")
                    .contains("lines could not be written (No space left on device)")
                    .containsPattern("gatewatch: [0-9,]+ lines could not be written");
            JsonNode s = r.summary();
            long alertLines = WholeLines.count(r.alerts(), "event_type");
            long recordLines = WholeLines.count(r.records(), "event_type");
            assertThat(s.path("lost_lines").path("alerts").asLong()).isPositive();
            assertThat(alertLines + s.path("lost_lines").path("alerts").asLong()).isEqualTo(s.path("alerts").asLong());
            assertThat(recordLines + s.path("lost_lines").path("records").asLong()).isEqualTo(s.path("connections").asLong())
                    .isEqualTo(2000);
            assertThat(s.path("write_error").asText()).contains("No space left on device");
        }
    }

    @Test
    void writingResumesWhenSpaceIsFreedDuringTheReplay() throws Exception {
        try (SmallTmpfs fs = SmallTmpfs.mount(tmp.resolve("disk2"), "16m"); LogCapture logs = LogCapture.of(JsonLinesLog.class)) {
            Path filler = fs.fillLeaving(0);
            // Free the space (enough for all the rest) as soon as the first write has failed; the replay is
            // paced to go on for seconds.
            CompletableFuture<Void> freed = CompletableFuture.runAsync(() -> {
                try {
                    while (logs.lines().stream().noneMatch(l -> l.startsWith("ERROR"))) {
                        Thread.sleep(5);
                    }
                    Files.delete(filler);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Replay r = replay(fs, "freed", "--speed", "20x");
            freed.get();
            assertThat(r.run().exitCode()).as(r.run().err()).isEqualTo(1);
            JsonNode s = r.summary();
            long recordLines = WholeLines.count(r.records(), "event_type");
            long lost = s.path("lost_lines").path("records").asLong();
            assertThat(lost).isPositive();
            assertThat(recordLines).as("written after the space came back").isPositive();
            assertThat(recordLines + lost).isEqualTo(2000);
            assertThat(logs.lines()).filteredOn(l -> l.contains(r.records().toString()))
                    .anySatisfy(l -> assertThat(l).startsWith("WARN").contains("writing again").contains(lost + " lines were lost"));
        }
    }
}

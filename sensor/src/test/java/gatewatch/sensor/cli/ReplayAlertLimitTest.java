package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatewatch replay} with the alert limit: a synthesized capture with floods and scans,
 * replayed with the alert log, the records log and the JSON summary. Every alert verdict is in
 * the alert log as a line or as part of an {@code alert_suppressed} count; no key gets more lines
 * than the limit allows.
 */
class ReplayAlertLimitTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    private static Path capture;

    @BeforeAll
    static void synthesize() {
        capture = tmp.resolve("floods.pcap");
        CliRun synth = CliRun.of("synth", "--out", capture.toString(), "--connections", "4000", "--seed", "11",
                "--mix", "normal=40,neptune=30,portsweep=15,ipsweep=15");
        assertThat(synth.exitCode()).as(synth.err()).isZero();
    }

    private record Replay(List<JsonNode> lines, List<JsonNode> records, JsonNode summary) {
        long alertLines() {
            return lines.stream().filter(l -> l.path("event_type").asText().equals("alert")).count();
        }

        List<JsonNode> suppressions() {
            return lines.stream().filter(l -> l.path("event_type").asText().equals("alert_suppressed")).toList();
        }

        long alertVerdicts() {
            return records.stream().filter(r -> !r.path("alert").path("category").asText().equals("normal")).count();
        }
    }

    private static Replay replay(String name, String... extra) throws IOException {
        Path alerts = tmp.resolve(name + "-alerts.json");
        Path records = tmp.resolve(name + "-records.json");
        Path summary = tmp.resolve(name + "-summary.json");
        List<String> args = new ArrayList<>(List.of("replay", capture.toString(), "--alerts", alerts.toString(),
                "--records", records.toString(), "--summary-json", summary.toString()));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new Replay(read(alerts), read(records), JSON.readTree(summary.toFile()));
    }

    private static List<JsonNode> read(Path jsonLines) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(jsonLines)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    @Test
    void theDefaultLimitSummarisesTheFloodsAndLosesNoAlert() throws IOException {
        Replay r = replay("default");
        long suppressed = r.suppressions().stream().mapToLong(s -> s.path("suppressed").path("count").asLong()).sum();

        assertThat(r.alertVerdicts()).isEqualTo(r.summary().path("alerts").asLong()).isGreaterThan(1_000);
        assertThat(r.alertLines() + suppressed).as("alert lines + suppressed counts").isEqualTo(r.alertVerdicts());
        assertThat(r.summary().path("alerts_suppressed").asLong()).isEqualTo(suppressed).isGreaterThan(r.alertVerdicts() / 2);

        for (JsonNode s : r.suppressions()) {
            JsonNode sup = s.path("suppressed");
            String track = sup.path("track").asText();
            String address = s.path(track.equals("by_dest") ? "dest_ip" : "src_ip").asText();
            assertThat(address).as("%s", s).isNotEmpty();
            assertThat(sup.path("written").asLong()).as("%s", s).isEqualTo(100);
            long labelled = 0;
            for (JsonNode n : sup.path("labels")) {
                labelled += n.asLong();
            }
            assertThat(labelled).as("labels add up in %s", s).isEqualTo(sup.path("count").asLong());
            assertThat(sup.path("first").asText()).isLessThanOrEqualTo(sup.path("last").asText());
        }
        // No victim gets more lines of one category than the limit in any 60 s of capture time
        // (windows open at a key's first alert, so two windows can meet within 60 s: at most 200).
        Map<String, List<Long>> linesByVictim = new HashMap<>();
        for (JsonNode l : r.lines()) {
            if (l.path("event_type").asText().equals("alert")) {
                linesByVictim.computeIfAbsent(l.path("dest_ip").asText() + " " + l.path("alert").path("category").asText(),
                        k -> new ArrayList<>()).add(java.time.Instant.parse(l.path("timestamp").asText()).toEpochMilli());
            }
        }
        linesByVictim.forEach((key, times) -> {
            times.sort(null);
            for (int i = 0, j = 0; i < times.size(); i++) {
                while (times.get(i) - times.get(j) >= 60_000) {
                    j++;
                }
                assertThat(i - j + 1).as("lines for %s within 60 s", key).isLessThanOrEqualTo(200);
            }
        });
    }

    @Test
    void offWritesEveryAlert() throws IOException {
        Replay r = replay("off", "--alert-limit", "off");
        assertThat(r.suppressions()).isEmpty();
        assertThat(r.alertLines()).isEqualTo(r.alertVerdicts()).isEqualTo(r.summary().path("alerts").asLong());
        assertThat(r.summary().path("alerts_suppressed").asLong()).isZero();
    }

    @Test
    void aBadLimitIsExit2NamingTheOption() {
        CliRun run = CliRun.of("replay", capture.toString(), "--alert-limit", "100");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--alert-limit", "COUNT/DURATION");
    }
}

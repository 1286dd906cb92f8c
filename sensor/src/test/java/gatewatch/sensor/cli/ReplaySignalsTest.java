package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals and {@code gatewatch replay}, in a child JVM so that the signals reach only it: a replay
 * stopped by SIGTERM says so in its summary and exits 143; SIGHUP ignored at start (under
 * {@code nohup}) is warned about, since log reopening is then off.
 */
class ReplaySignalsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    private static Path capture;

    @BeforeAll
    static void synthesize() {
        capture = MixCapture.write(tmp);
    }

    private static List<String> gatewatch(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void aReplayStoppedBySigtermSaysSoAndExits143() throws Exception {
        Path alerts = tmp.resolve("term-alerts.json");
        Path summary = tmp.resolve("term-summary.json");
        Path err = tmp.resolve("term.err");
        // In real time the capture lasts about two minutes; its first alerts come within seconds.
        Process p = new ProcessBuilder(gatewatch("replay", capture.toString(), "--speed", "realtime", "--alerts",
                alerts.toString(), "--summary-json", summary.toString())).redirectErrorStream(true)
                .redirectOutput(err.toFile()).start();
        while (p.isAlive() && (!Files.exists(alerts) || Files.size(alerts) == 0)) {
            Thread.sleep(20);
        }
        p.destroy(); // SIGTERM
        int exit = p.waitFor();
        String out = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(exit).as(out).isEqualTo(143);
        assertThat(out).containsPattern("stopped early by SIGTERM after [0-9,]+ frames").contains("alerts by category:");
        JsonNode s = JSON.readTree(summary.toFile());
        assertThat(s.path("stopped_by").asText()).isEqualTo("SIGTERM");
        assertThat(s.path("frames").asLong()).isPositive().isLessThan(MixCapture.FRAMES);
        assertThat(Files.readString(alerts)).endsWith("\n");
    }

    @Test
    void aReplayReadToTheEndSaysNothingOfSignalsAndExits0() throws Exception {
        Path summary = tmp.resolve("end-summary.json");
        CliRun run = CliRun.of("replay", capture.toString(), "--alerts", tmp.resolve("end-alerts.json").toString(),
                "--summary-json", summary.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("stopped early");
        assertThat(JSON.readTree(summary.toFile()).has("stopped_by")).isFalse();
    }

    @Test
    void sighupIgnoredAtStartIsWarnedOnce() throws Exception {
        List<String> inner = gatewatch("replay", capture.toString(), "--alerts", tmp.resolve("hup-alerts.json").toString());
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "trap '' HUP; exec \"$@\"", "sh"));
        cmd.addAll(inner);
        Process ignored = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(ignored.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ignored.waitFor()).as(out).isZero();
        assertThat(out.lines().filter(l -> l.contains("SIGHUP is ignored"))).as(out).hasSize(1);

        // The control run inherits this JVM's dispositions: under nohup its SIGHUP is ignored too,
        // and no child can undo that, so there is nothing to compare against.
        org.junit.jupiter.api.Assumptions.assumeFalse(sighupIgnoredHere(),
                "this test JVM was started with SIGHUP ignored (nohup?): the control run would be warned too");
        Process normal = new ProcessBuilder(inner).redirectErrorStream(true).start();
        String normalOut = new String(normal.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(normal.waitFor()).as(normalOut).isZero();
        assertThat(normalOut).doesNotContain("is ignored");
    }

    /** SIGHUP (signal 1) in this process's SigIgn mask. */
    private static boolean sighupIgnoredHere() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 1L) != 0;
            }
        }
        return false;
    }
}

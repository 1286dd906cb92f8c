package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.io.SiteBaselineFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gatewatch learn} from a synthesized capture of normal sessions, and its use by replay. */
class LearnCommandTest {
    @TempDir
    Path tmp;

    private Path synth(String name, int connections, String mix) {
        Path out = tmp.resolve(name);
        CliRun run = CliRun.of("synth", "--out", out.toString(), "--connections", String.valueOf(connections),
                "--seed", "21", "--mix", mix);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out;
    }

    @Test
    void learnsASiteAndReplayUsesIt() throws Exception {
        Path normal = synth("normal.pcap", 1500, "normal=100");
        Path baseline = tmp.resolve("site.gwb");
        StringWriter out = new StringWriter();
        CommandLine cl = GatewatchCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        int code = cl.execute("learn", normal.toString(), "--out", baseline.toString());
        assertThat(code).isZero();
        assertThat(out.toString()).contains("learned 1,", "for model gw1-", "with the site baseline");

        SiteBaselineFile.Loaded loaded = SiteBaselineFile.read(baseline);
        assertThat(loaded.header().command()).startsWith("gatewatch learn ").contains("--out");
        assertThat(loaded.baseline().connections()).isGreaterThanOrEqualTo(1500);

        Path attacks = synth("mixed.pcap", 2000, "normal=50,neptune=25,portsweep=25");
        Path summary = tmp.resolve("summary.json");
        CliRun replay = CliRun.of("replay", attacks.toString(), "--site-baseline", baseline.toString(),
                "--alerts", tmp.resolve("alerts.json").toString(), "--summary-json", summary.toString());
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        // A site that never flooded or scanned: the flood and the scan are still alerted.
        assertThat(Files.readString(summary)).containsPattern("\"dos\":[1-9]").containsPattern("\"probe\":[1-9]");
    }

    @Test
    void tooLittleTrafficOrABadFileIsExit2NamingIt() throws Exception {
        Path small = synth("small.pcap", 50, "normal=100");
        CliRun learn = CliRun.of("learn", small.toString(), "--out", tmp.resolve("x.gwb").toString());
        assertThat(learn.exitCode()).isEqualTo(2);
        assertThat(learn.err()).contains("too few connections");
        assertThat(tmp.resolve("x.gwb")).doesNotExist();

        Path notes = tmp.resolve("notes.txt");
        Files.writeString(notes, "hello");
        CliRun replay = CliRun.of("replay", small.toString(), "--site-baseline", notes.toString());
        assertThat(replay.exitCode()).isEqualTo(2);
        assertThat(replay.err()).contains("site baseline " + notes, "not a gatewatch site baseline");
    }
}

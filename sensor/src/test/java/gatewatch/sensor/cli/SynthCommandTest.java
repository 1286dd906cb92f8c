package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SynthCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheCaptureAndSaysWhatIsInIt() throws Exception {
        Path out = tmp.resolve("demo.pcap");
        StringWriter stdout = new StringWriter();
        CommandLine cl = GatewatchCommand.commandLine();
        cl.setOut(new PrintWriter(stdout, true));
        int code = cl.execute("synth", "--out", out.toString(), "--connections", "300", "--seed", "5",
                "--mix", "normal=90,neptune=10", "--start", "1999-03-08T08:00:00");
        assertThat(code).isZero();
        assertThat(Files.size(out)).isGreaterThan(24);
        assertThat(stdout.toString()).contains("300 connections", "1999-03-08T08:00:00Z", "neptune", "attack neptune");
    }

    @Test
    void writesTheTruthBesideTheCaptureOneRuleAConnection() throws Exception {
        Path out = tmp.resolve("d.pcap");
        Path truth = tmp.resolve("d.truth");
        StringWriter stdout = new StringWriter();
        CommandLine cl = GatewatchCommand.commandLine();
        cl.setOut(new PrintWriter(stdout, true));
        int code = cl.execute("synth", "--out", out.toString(), "--truth", truth.toString(), "--connections", "300",
                "--seed", "5", "--mix", "normal=90,guess_passwd_ftp=10");
        assertThat(code).isZero();
        assertThat(stdout.toString()).contains("wrote " + truth + ": the ground truth, 300 rules");
        List<String> lines = Files.readAllLines(truth);
        assertThat(lines.subList(0, 3)).containsExactly("# gatewatch truth v1",
                "# start end proto orig resp orig_port resp_port category label",
                "# made by: gatewatch synth --connections 300 --mix normal=90,guess_passwd_ftp=10 --seed 5 --start 2025-03-03T09:00:00Z");
        List<String> rules = lines.subList(3, lines.size());
        assertThat(rules).hasSize(300).allMatch(l -> l.matches("\\d+\\.\\d{6} \\d+\\.\\d{6} (tcp|udp|icmp) [\\d.]+ [\\d.]+ (\\d+|\\*) (\\d+|\\*) \\w+ \\w+"));
        assertThat(rules).filteredOn(l -> l.endsWith(" r2l guess_passwd")).hasSize(30).allMatch(l -> l.contains(" tcp ") && l.contains(" 21 r2l"));
        assertThat(rules).filteredOn(l -> l.endsWith(" normal normal")).hasSize(270);
        // The capture is the same with or without its truth.
        Path plain = tmp.resolve("plain.pcap");
        assertThat(CliRun.of("synth", "--out", plain.toString(), "--connections", "300", "--seed", "5", "--mix",
                "normal=90,guess_passwd_ftp=10").exitCode()).isZero();
        assertThat(Files.mismatch(out, plain)).isEqualTo(-1L);
    }

    @Test
    void sameSeedSameBytesFromTheCommandLine() throws Exception {
        Path a = tmp.resolve("a.pcap");
        Path b = tmp.resolve("b.pcap");
        assertThat(CliRun.of("synth", "--out", a.toString(), "--connections", "200", "--seed", "9").exitCode()).isZero();
        assertThat(CliRun.of("synth", "--out", b.toString(), "--connections", "200", "--seed", "9").exitCode()).isZero();
        assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
    }

    @Test
    void badValuesAreExit2NamingTheOption() {
        String out = tmp.resolve("x.pcap").toString();
        assertUsage(CliRun.of("synth", "--out", out, "--connections", "0"), "--connections");
        assertUsage(CliRun.of("synth", "--out", out, "--mix", "normal=90,nope=10"), "--mix");
        assertUsage(CliRun.of("synth", "--out", out, "--mix", "normal=90,neptune=5"), "--mix");
        assertUsage(CliRun.of("synth", "--out", out, "--mix", "normal"), "--mix");
        assertUsage(CliRun.of("synth", "--out", out, "--start", "yesterday"), "--start");
        assertUsage(CliRun.of("synth", "--out", out, "--seed", "x"), "--seed");
        assertUsage(CliRun.of("synth", "--out", tmp.resolve("no/such/dir/x.pcap").toString()), "--out");
        assertUsage(CliRun.of("synth"), "--out");
        assertUsage(CliRun.of("synth", "--out", out, "--truth", tmp.resolve("no/such/dir/t.txt").toString()), "--truth");
    }

    private static void assertUsage(CliRun run, String option) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(option);
    }
}

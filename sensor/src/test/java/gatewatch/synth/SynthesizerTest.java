package gatewatch.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gatewatch.features.testing.PacketChecks;
import gatewatch.synth.scenario.ScenarioKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthesizerTest {
    private static final SynthSpec SMALL = SynthSpec.defaults().withConnections(1_500).withSeed(42);

    @TempDir
    Path tmp;

    @Test
    void sameSpecGivesTheSameBytesAndAnotherSeedOtherBytes() throws Exception {
        Path a = tmp.resolve("a.pcap");
        Path b = tmp.resolve("b.pcap");
        Path c = tmp.resolve("c.pcap");
        SynthReport ra = Synthesizer.write(SMALL, a);
        SynthReport rb = Synthesizer.write(SMALL, b);
        Synthesizer.write(SMALL.withSeed(43), c);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(ra.episodes()).isEqualTo(rb.episodes());
        assertThat(Files.mismatch(a, c)).isNotEqualTo(-1L);
    }

    @Test
    void everyChecksumAndLengthIsRightAndTimeNeverGoesBack() throws Exception {
        Path file = tmp.resolve("all.pcap");
        SynthReport report = Synthesizer.write(SMALL, file);
        assertThat(PacketChecks.verify(file)).isEmpty();
        assertThat(Files.size(file)).isEqualTo(report.bytes());
        // The verifier can fail: one flipped bit of an IP header is found, in that frame.
        assertThat(PacketChecks.verify(corruptFirstIpHeader(file))).extracting(PacketChecks.Problem::frame).containsExactly(1L);
    }

    @Test
    void tsharkFindsEveryChecksumGoodNothingMalformedAndNoWarningButResets() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tshark")),
                "skipped: tshark not installed (apt-get install tshark); the checksums are still verified by PacketChecks");
        Path file = tmp.resolve("tshark.pcap");
        SynthReport report = Synthesizer.write(SMALL, file);
        assertThat(tsharkProblems(file)).isEmpty();
        assertThat(run("/usr/bin/tshark", "-r", file.toString(), "-T", "fields", "-e", "frame.number")).hasSize((int) report.frames());
        // The filter can fail. (A status of 2 is "unverified" and 0 is "bad", so a filter for
        // status==2 with checking on finds nothing even in a damaged file: we look for "not good".)
        assertThat(tsharkProblems(corruptFirstIpHeader(file))).hasSize(1);
    }

    private static List<String> tsharkProblems(Path file) throws IOException, InterruptedException {
        return run("/usr/bin/tshark", "-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE",
                "-o", "udp.check_checksum:TRUE", "-r", file.toString(), "-Y",
                "ip.checksum.status!=1 or tcp.checksum.status!=1 or udp.checksum.status!=1 or icmp.checksum.status!=1"
                        + " or _ws.malformed or (_ws.expert.severity >= warning and !tcp.flags.reset)");
    }

    /** A copy with one bit of the first frame's IP header flipped. */
    private static Path corruptFirstIpHeader(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[24 + 16 + 14 + 8] ^= 1;
        return Files.write(file.resolveSibling("corrupt-" + file.getFileName()), bytes);
    }

    @Test
    void readsBackThroughLibpcapWithTheFramesAndRecordsPromised() throws Exception {
        Path file = tmp.resolve("back.pcap");
        SynthReport report = Synthesizer.write(SMALL, file);
        Extracted back = Extracted.of(file);
        assertThat(back.frames()).isEqualTo(report.frames());
        // The record count is exact: the split by --mix, each scenario's sessions counted as the extractor counts them.
        assertThat(back.records()).hasSize(SMALL.connections());
        assertThat(report.totalConnections()).isEqualTo(SMALL.connections());
        assertThat(report.connections()).containsEntry(ScenarioKind.NORMAL, 1_275L).containsEntry(ScenarioKind.NEPTUNE, 75L);
    }

    @Test
    void eachAttackIsOneEpisodeWithinTheCaptureNamingItsHosts() throws Exception {
        SynthReport report = Synthesizer.write(SMALL, tmp.resolve("episodes.pcap"));
        assertThat(report.episodes()).extracting(SynthReport.AttackEpisode::kind)
                .containsExactlyInAnyOrder(ScenarioKind.NEPTUNE, ScenarioKind.PORTSWEEP, ScenarioKind.IPSWEEP,
                        ScenarioKind.SMURF, ScenarioKind.GUESS_PASSWD, ScenarioKind.GUESS_PASSWD_FTP);
        for (SynthReport.AttackEpisode e : report.episodes()) {
            assertThat(e.start()).isAfterOrEqualTo(report.first());
            assertThat(e.end()).isBeforeOrEqualTo(report.last()).isAfterOrEqualTo(e.start());
            assertThat(e.attackers()).isNotEmpty();
            assertThat(e.victims()).isNotEmpty();
            assertThat(e.connections()).isPositive();
        }
        // Episodes follow one another: an alert can be told to its episode by time as well as by address.
        for (int i = 1; i < report.episodes().size(); i++) {
            assertThat(report.episodes().get(i).start()).isAfter(report.episodes().get(i - 1).end());
        }
    }

    @Test
    void startsAtTheGivenTime() throws Exception {
        Instant start = Instant.parse("1999-03-08T08:00:00Z");
        SynthReport report = Synthesizer.write(SMALL.withStart(start).withConnections(200), tmp.resolve("t.pcap"));
        assertThat(report.first()).isEqualTo(start);
    }

    @Test
    void memoryIsBoundedByOpenSessionsNotByLength() throws Exception {
        SynthReport small = Synthesizer.write(SynthSpec.defaults().withConnections(2_000), tmp.resolve("s.pcap"));
        SynthReport large = Synthesizer.write(SynthSpec.defaults().withConnections(20_000), tmp.resolve("l.pcap"));
        assertThat(large.frames()).isGreaterThan(8 * small.frames());
        // Ten times the traffic at the same rate: about the same sessions open at once.
        assertThat(large.peakOpenSessions()).isLessThan(100).isLessThan(3 * Math.max(small.peakOpenSessions(), 10));
    }

    private static List<String> run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        // A filter tshark rejects prints nothing: only a clean exit makes "no lines" mean "no problems".
        assertThat(p.exitValue()).as("tshark exit code for %s", List.of(cmd)).isZero();
        return lines;
    }
}

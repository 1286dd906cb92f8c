package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gatewatch.detector.io.SiteBaselineFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
    void trafficThatLooksLikeAnAttackIsWarnedAboutAndRefusedWhenStrict() {
        Path flooded = synth("flooded.pcap", 1500, "normal=60,neptune=40");
        Path baseline = tmp.resolve("flooded.gwb");
        CliRun warned = CliRun.of("learn", flooded.toString(), "--out", baseline.toString());
        assertThat(warned.exitCode()).as(warned.err()).isZero();
        assertThat(warned.err()).containsPattern("learn: warning: (from|to) [0-9.]+: [0-9,]+ connections, [0-9,]+ of them "
                + "failed or empty").contains("learn from clean traffic");
        assertThat(baseline).exists();

        Path strict = tmp.resolve("strict.gwb");
        CliRun refused = CliRun.of("learn", flooded.toString(), "--strict", "--out", strict.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("learn: warning: ", "no site baseline written (--strict)");
        assertThat(strict).doesNotExist();

        CliRun clean = CliRun.of("learn", synth("clean.pcap", 1500, "normal=100").toString(), "--strict", "--out",
                tmp.resolve("clean.gwb").toString());
        assertThat(clean.exitCode()).as(clean.err()).isZero();
        assertThat(clean.err()).doesNotContain("warning");
    }

    @Test
    void tooLittleTrafficIsExit2AndABadFileExit3NamingIt() throws Exception {
        Path small = synth("small.pcap", 50, "normal=100");
        CliRun learn = CliRun.of("learn", small.toString(), "--out", tmp.resolve("x.gwb").toString());
        assertThat(learn.exitCode()).isEqualTo(2);
        assertThat(learn.err()).contains("too few connections");
        assertThat(tmp.resolve("x.gwb")).doesNotExist();

        Path notes = tmp.resolve("notes.txt");
        Files.writeString(notes, "hello");
        CliRun replay = CliRun.of("replay", small.toString(), "--site-baseline", notes.toString());
        assertThat(replay.exitCode()).isEqualTo(3); // an unreadable input, as a bad model file is
        assertThat(replay.err()).contains("site baseline " + notes, "not a gatewatch site baseline");
    }

    /**
     * Live: learns on the loopback interface, filtered to one port, while the test keeps opening
     * connections to a server of its own on that port until learning ends.
     */
    @Test
    @Timeout(120)
    void learnsLiveOnLoopbackForTheGivenDuration() throws Exception {
        boolean root = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[1].equals("0"));
        assumeTrue(root, "skipped: live learning needs CAP_NET_RAW (run as root, as CI does)");
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket server = new ServerSocket(0, 512, loopback)) {
            Thread acceptor = Thread.ofPlatform().daemon().start(() -> {
                while (!server.isClosed()) {
                    try {
                        server.accept().close();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            Path baseline = tmp.resolve("live.gwb");
            CompletableFuture<CliRun> learning = CompletableFuture.supplyAsync(() -> CliRun.of("learn", "--interface", "lo",
                    "--filter", "tcp port " + server.getLocalPort(), "--duration", "8s", "--out", baseline.toString()));
            while (!learning.isDone()) {
                try (Socket c = new Socket(loopback, server.getLocalPort())) {
                    c.getOutputStream().write('x');
                }
                Thread.sleep(5);
            }
            CliRun run = learning.get();
            server.close();
            acceptor.join(5_000);
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("learning on lo for 8s");
            assertThat(SiteBaselineFile.read(baseline).baseline().connections()).isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    void capturesAndAnInterfaceTogetherOrNeitherIsExit2() {
        CliRun neither = CliRun.of("learn", "--out", tmp.resolve("n.gwb").toString());
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("capture files or --interface");
        CliRun badDuration = CliRun.of("learn", "--interface", "lo", "--duration", "soon", "--out", tmp.resolve("d.gwb").toString());
        assertThat(badDuration.exitCode()).isEqualTo(2);
        assertThat(badDuration.err()).contains("--duration");
    }
}

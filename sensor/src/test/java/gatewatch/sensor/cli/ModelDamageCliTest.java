package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.io.ModelFile;
import gatewatch.detector.io.SiteBaselineFile;
import gatewatch.detector.model.Ensemble;
import gatewatch.detector.model.SiteBaseline;
import gatewatch.detector.train.SiteLearner;
import gatewatch.features.encode.PcapFileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that loads a model refuses a damaged copy of the bundled one the same way: exit 3
 * and one line {@code gatewatch: model FILE: damaged ... byte ...: REASON}, for damage in the
 * header, at the start, middle and end of the payload and in the gzip trailer; the same for a
 * damaged site baseline. (The byte-by-byte sweep is {@code ModelFileDamageTest} in the detector.)
 */
class ModelDamageCliTest {
    @TempDir
    Path dir;

    private byte[] bundled;
    private Path capture;
    private Path labelled;

    @BeforeEach
    void files() throws IOException {
        try (InputStream in = ModelFile.class.getResourceAsStream(ModelFile.DEFAULT_RESOURCE)) {
            bundled = in.readAllBytes();
        }
        // An empty classic pcap (global header only): the model is loaded before any capture is read anyway.
        capture = dir.resolve("empty.pcap");
        PcapFileWriter.create(capture, false, PcapFileWriter.LINKTYPE_ETHERNET, 65535).close();
        labelled = Files.writeString(dir.resolve("one.txt"),
                "0,udp,ntp_u,SF,48,48,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,1,0.00,0.00,0.00,0.00,1.00,0.00,0.00,1,1,1.00,"
                        + "0.00,1.00,0.00,0.00,0.00,0.00,0.00,normal.\n");
    }

    private List<List<String>> commandsLoading(Path model) {
        String m = model.toString();
        return List.of(
                List.of("evaluate", "--test", labelled.toString(), "--model", m),
                List.of("replay", capture.toString(), "--model", m, "--alerts", dir.resolve("a.json").toString()),
                List.of("learn", capture.toString(), "--model", m, "--out", dir.resolve("site.gwb").toString()),
                List.of("run", "--interface", "lo", "--model", m));
    }

    @Test
    void anUndamagedCopyLoadsEverywhere() throws IOException {
        Path copy = Files.write(dir.resolve("copy.gwm"), bundled);
        CliRun evaluate = CliRun.of(commandsLoading(copy).getFirst().toArray(String[]::new));
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
    }

    @Test
    void everyCommandRefusesADamagedModelWithExit3AndOneLineNamingFileOffsetAndReason() throws IOException {
        int payloadStart = bundled.length - payloadLength();
        TreeSet<Integer> offsets = new TreeSet<>(List.of(0, 7, 8, 11, 12, 13, 14, 80, 200, payloadStart - 65,
                payloadStart - 1, payloadStart, payloadStart + 3, payloadStart + 10, bundled.length / 2,
                bundled.length - 9, bundled.length - 8, bundled.length - 5, bundled.length - 4, bundled.length - 1));
        Path copy = dir.resolve("damaged.gwm");
        int refused = 0;
        for (int at : offsets) {
            byte[] b = bundled.clone();
            b[at] ^= 0x10;
            Files.write(copy, b);
            for (List<String> command : commandsLoading(copy)) {
                CliRun run = CliRun.of(command.toArray(String[]::new));
                assertThat(run.exitCode()).as("%s, flip at %d: %s", command.getFirst(), at, run.err()).isEqualTo(3);
                assertThat(run.err()).as("%s, flip at %d", command.getFirst(), at)
                        .matches(Pattern.quote("gatewatch: model " + copy + ": ") + ".*byte.* \\d+.*: \\S.*\\n");
                refused++;
            }
        }
        assertThat(refused).isEqualTo(offsets.size() * 4);
    }

    @Test
    void aMissingModelSaysSo() {
        Path missing = dir.resolve("missing.gwm");
        for (List<String> command : commandsLoading(missing)) {
            CliRun run = CliRun.of(command.toArray(String[]::new));
            assertThat(run.exitCode()).as(command.getFirst()).isEqualTo(3);
            assertThat(run.err()).isEqualTo("gatewatch: model " + missing + ": no such file or directory\n");
        }
    }

    @Test
    void aDamagedSiteBaselineIsRefusedTheSameWay() throws IOException {
        Ensemble model = Ensemble.loadDefault();
        SiteBaseline baseline = new SiteLearner(0.99, 3).learn(model, rows(300));
        Path site = dir.resolve("site.gwb");
        SiteBaselineFile.write(site, new SiteBaselineFile.Header("gatewatch learn x", "2026-12-07T00:00:00Z", "t"), baseline);
        byte[] good = Files.readAllBytes(site);
        CliRun ok = CliRun.of("replay", capture.toString(), "--site-baseline", site.toString(), "--alerts",
                dir.resolve("a.json").toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        for (int at : new int[] {3, 40, good.length / 2, good.length - 1}) {
            byte[] b = good.clone();
            b[at] ^= 1;
            Files.write(site, b);
            CliRun run = CliRun.of("replay", capture.toString(), "--site-baseline", site.toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
            assertThat(run.err()).matches(Pattern.quote("gatewatch: site baseline " + site + ": ") + "damaged (at byte|in bytes) .*: \\S.*\\n");
        }
    }

    /** The payload length: the long just before the two digests that end the header. */
    private int payloadLength() {
        for (int end = 12; end + 72 <= bundled.length; end++) {
            long length = ByteBuffer.wrap(bundled, end, 8).getLong();
            if (end + 72 + length == bundled.length) {
                return (int) length;
            }
        }
        throw new AssertionError("no payload length found");
    }

    private static double[][] rows(int n) {
        Random r = new Random(1);
        double[][] out = new double[n][41];
        for (double[] row : out) {
            row[1] = 1;
            row[2] = 12;
            row[3] = 9;
            row[4] = 40 + r.nextInt(200);
            row[5] = 80 + r.nextInt(400);
            row[22] = 1 + r.nextInt(30);
            row[23] = 1 + r.nextInt(30);
        }
        return out;
    }
}

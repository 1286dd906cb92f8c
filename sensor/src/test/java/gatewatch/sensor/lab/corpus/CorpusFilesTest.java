package gatewatch.sensor.lab.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gatewatch.detector.eval.CaptureEvaluation;
import gatewatch.detector.eval.LabelTally;
import gatewatch.detector.model.Ensemble;
import gatewatch.features.extended.ExtendedCsv;
import gatewatch.features.extended.ExtendedFeature;
import gatewatch.features.truth.Labeller;
import gatewatch.sensor.evaluate.CaptureEvaluator;
import gatewatch.sensor.evaluate.LabelledCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus files without a lab run: made from the two lab fixtures, as {@code lab corpus} makes them after recording. */
class CorpusFilesTest {
    @TempDir
    Path dir;

    private static Path fixture(String name) throws Exception {
        return Path.of(CorpusFilesTest.class.getResource("/gatewatch/sensor/lab/fixtures/" + name).toURI());
    }

    @Test
    void theDataFileIsFeaturesTruthGzippedWithoutATimeStampAndTheSameBytesTwice() throws Exception {
        Path a = dir.resolve("a.data.gz");
        Path b = dir.resolve("b.data.gz");
        Labeller l = CorpusBuilder.writeData(fixture("scan-nmap-syn.pcap"), fixture("scan-nmap-syn.truth"), a);
        CorpusBuilder.writeData(fixture("scan-nmap-syn.pcap"), fixture("scan-nmap-syn.truth"), b);

        byte[] bytes = Files.readAllBytes(a);
        assertThat(bytes).isEqualTo(Files.readAllBytes(b));
        assertThat(bytes[3]).as("no FNAME or other flags").isZero();
        assertThat(new byte[] {bytes[4], bytes[5], bytes[6], bytes[7]}).as("MTIME").containsOnly(0);
        assertThat(l.perLabel()).isEqualTo(Map.of("portsweep", 1000L));
        List<String> lines = gunzip(a).lines().toList();
        assertThat(lines).hasSize(1000).allSatisfy(line -> {
            assertThat(line.split(",")).hasSize(42);
            assertThat(line).endsWith(",portsweep.");
        });
        assertThat(dir.resolve("a.data.gz.tmp")).doesNotExist();

        // Beside it, the features beyond the 41: a header, then one line per data line, in order.
        Path extended = dir.resolve("a.extended.gz");
        assertThat(Files.readAllBytes(extended)).isEqualTo(Files.readAllBytes(dir.resolve("b.extended.gz")));
        List<String> ext = gunzip(extended).lines().toList();
        assertThat(ext.getFirst()).isEqualTo(ExtendedCsv.header());
        assertThat(ext).hasSize(1001);
        // nmap -sS: one SYN to each port, answered by a RST (closed) or a SYN-ACK the scanner resets.
        assertThat(ext.subList(1, ext.size())).allSatisfy(line -> {
            double[] v = ExtendedCsv.parse(line);
            assertThat(v[ExtendedFeature.ORIG_PKTS.ordinal()]).isBetween(1.0, 2.0);
            assertThat(v[ExtendedFeature.ICMP_TYPE.ordinal()]).isEqualTo(-1);
        });
        assertThat(dir.resolve("a.extended.gz.tmp")).doesNotExist();
    }

    @Test
    void theManifestKeepsOtherEntriesReplacesTheSameOneAndTheTablesFollowIt() throws Exception {
        CorpusFiles files = new CorpusFiles(dir, "sudo gatewatch lab corpus --out " + dir);
        CorpusEntry scan = entry("scan-nmap-syn", 1, "portsweep", "probe");
        files.add(scan);
        files.add(entry("bruteforce-ssh-hydra", 1, "ssh_guess", "r2l"));
        files.add(entry("bruteforce-ssh-hydra", 2, "ssh_guess", "r2l"));
        files.add(scan); // recorded again: replaces

        JsonNode m = CorpusFiles.JSON.readTree(dir.resolve(CorpusFiles.MANIFEST).toFile());
        assertThat(m.get("format").asText()).isEqualTo(CorpusFiles.FORMAT);
        List<String> keys = new java.util.ArrayList<>();
        m.get("entries").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("bruteforce-ssh-hydra-s1", "bruteforce-ssh-hydra-s2", "scan-nmap-syn-s1");
        JsonNode e = m.get("entries").get("scan-nmap-syn-s1");
        assertThat(e.get("file").asText()).isEqualTo("scan-nmap-syn-s1.data.gz");
        assertThat(e.get("sha256").asText()).hasSize(64);
        assertThat(e.get("connections").get("portsweep").asLong()).isEqualTo(1000);
        assertThat(e.get("baseline").get("labels").get(0).get("connections").asLong()).isEqualTo(1000);

        assertThat(Files.readString(dir.resolve(CorpusFiles.ATTACK_TYPES)))
                .endsWith("portsweep probe\nssh_guess r2l\n");
        String md = Files.readString(dir.resolve(CorpusFiles.MANIFEST_MD));
        assertThat(md).contains("sudo gatewatch lab corpus --out " + dir)
                .contains("| scan-nmap-syn-s1.data.gz | scan-nmap-syn | 1 | portsweep 1,000 |")
                .contains("| ssh_guess | r2l | 10 |")
                .contains("| nmap | Nmap version 7.93 | scan-nmap-syn |");
        String baseline = Files.readString(dir.resolve(CorpusFiles.BASELINE));
        JsonNode ssh = m.get("entries").get("bruteforce-ssh-hydra-s1").get("baseline").get("labels").get(0);
        assertThat(baseline).contains("sudo gatewatch lab corpus --out " + dir)
                .contains(String.format(java.util.Locale.ROOT, "| bruteforce-ssh-hydra | 1,2 | ssh_guess | r2l | 10 | %d | %.2f %% |",
                        2 * ssh.get("alerted").asLong(), 100.0 * ssh.get("alerted").asLong() / 5));

        files.remove("bruteforce-ssh-hydra-s2"); // a seed that gave the same records as another
        m = CorpusFiles.JSON.readTree(dir.resolve(CorpusFiles.MANIFEST).toFile());
        assertThat(m.get("entries").has("bruteforce-ssh-hydra-s2")).isFalse();
        assertThat(m.get("entries").has("bruteforce-ssh-hydra-s1")).isTrue();
        assertThat(dir.resolve("bruteforce-ssh-hydra-s2.data.gz")).doesNotExist();
        assertThat(Files.readString(dir.resolve(CorpusFiles.BASELINE))).contains("| bruteforce-ssh-hydra | 1 | ssh_guess | r2l | 5 |");
    }

    /** An entry for the fixture of {@code scenario} (whatever the seed), judged by the bundled model. */
    private CorpusEntry entry(String scenario, long seed, String label, String category) throws Exception {
        Path data = dir.resolve(CorpusEntry.key(scenario, seed) + ".data.gz");
        Labeller l = CorpusBuilder.writeData(fixture(scenario + ".pcap"), fixture(scenario + ".truth"), data);
        CaptureEvaluation.CaptureResult judged = new CaptureEvaluator(Ensemble.loadDefault(), null).evaluate(
                new LabelledCapture(fixture(scenario + ".pcap"), List.of(fixture(scenario + ".truth"))), new LabelTally());
        var file = gatewatch.sensor.lab.run.Recorder.fileInfo(data);
        return new CorpusEntry(CorpusEntry.key(scenario, seed), scenario, seed, file.name(), file.bytes(), file.sha256(),
                l.perLabel(), Map.of(label, category), Map.of(scenario.startsWith("scan") ? "nmap" : "hydra",
                        scenario.startsWith("scan") ? "Nmap version 7.93" : "Hydra v9.4"), "2026-12-07T04:00:00Z", 5.0,
                1234, 0, Map.of(), new CorpusEntry.Baseline("gw1-test", judged.connections(), judged.uncovered(), judged.labels()));
    }

    private static String gunzip(Path f) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}

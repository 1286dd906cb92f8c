package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gatewatch.detector.io.ModelFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lab corpus --from-recordings}: a corpus derived from kept recordings, without root and
 * without recording. The recording is a synthesized capture with its truth and a lab manifest
 * entry written by hand, as {@code lab corpus --work} leaves them.
 */
class LabCorpusFromRecordingsTest {
    @TempDir
    Path dir;
    Path work;
    Path out;

    @BeforeEach
    void recording() throws IOException {
        work = Files.createDirectories(dir.resolve("work"));
        out = dir.resolve("corpus");
        CliRun synth = CliRun.of("synth", "--out", work.resolve("synth-mix.pcap").toString(),
                "--truth", work.resolve("synth-mix.truth").toString(), "--connections", "400", "--seed", "11",
                "--mix", "normal=40,neptune=30,portsweep=15,ipsweep=15");
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        Files.writeString(work.resolve("manifest.json"), """
                {
                  "format" : "gatewatch lab manifest v1",
                  "recordings" : {
                    "synth-mix" : {
                      "key" : "synth-mix", "scenario" : "synth-mix", "seed" : 1,
                      "started" : "2026-12-07T05:00:00.125Z", "ended" : "2026-12-07T05:00:42.500Z", "elapsed_seconds" : 42.375,
                      "tools" : { "synth" : "gatewatch synth 0.1.0", "tcpdump" : "tcpdump version 4.99.3" },
                      "packets" : 3456, "dropped" : 7,
                      "files" : { "pcap" : { "name" : "synth-mix.pcap", "bytes" : 1, "sha256" : "x" },
                                  "truth" : { "name" : "synth-mix.truth", "bytes" : 1, "sha256" : "x" } },
                      "connections" : { "normal" : 1 }, "unlabelled" : 0,
                      "labels" : { "ipsweep" : "probe", "neptune" : "dos", "normal" : "normal", "portsweep" : "probe" },
                      "tool_report" : { "packets_sent" : 99 },
                      "a_field_of_a_later_version" : true
                    }
                  }
                }
                """);
    }

    @Test
    void derivesTheDataFileFeaturesWouldWriteWithTheRecordingsMetadataAndTheSameBytesAgain() throws Exception {
        CliRun run = CliRun.of("lab", "corpus", "--from-recordings", work.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        Path expected = dir.resolve("expected.data");
        CliRun features = CliRun.of("features", "--truth", work.resolve("synth-mix.truth").toString(), "-o", expected.toString(),
                work.resolve("synth-mix.pcap").toString());
        assertThat(features.exitCode()).as(features.err()).isZero();
        assertThat(gunzip(out.resolve("synth-mix-s1.data.gz"))).isEqualTo(Files.readString(expected)).isNotEmpty();

        JsonNode m = new ObjectMapper().readTree(out.resolve("MANIFEST.json").toFile());
        assertThat(m.get("regenerate").asText())
                .isEqualTo("gatewatch lab corpus --from-recordings " + work + " --out " + out);
        JsonNode e = m.get("entries").get("synth-mix-s1");
        assertThat(e.get("scenario").asText()).isEqualTo("synth-mix");
        assertThat(e.get("seed").asLong()).isEqualTo(1);
        assertThat(e.get("recorded_at").asText()).isEqualTo("2026-12-07T05:00:00.125Z");
        assertThat(e.get("elapsed_seconds").asDouble()).isEqualTo(42.375);
        assertThat(e.get("packets").asLong()).isEqualTo(3456);
        assertThat(e.get("dropped").asLong()).isEqualTo(7);
        assertThat(e.get("tools").get("synth").asText()).isEqualTo("gatewatch synth 0.1.0");
        assertThat(e.get("tool_report").get("packets_sent").asLong()).isEqualTo(99);
        assertThat(e.get("labels").get("neptune").asText()).isEqualTo("dos");
        long lines = Files.readAllLines(expected).size();
        assertThat(e.get("connections").get("normal").asLong()).as("counted from the capture, not copied").isGreaterThan(1);
        long counted = 0;
        for (JsonNode n : e.get("connections")) {
            counted += n.asLong();
        }
        assertThat(counted).isEqualTo(lines);
        assertThat(e.get("baseline").get("connections").asLong()).isEqualTo(lines);
        assertThat(Files.readString(out.resolve("attack-types.txt"))).contains("neptune dos\n", "portsweep probe\n");
        assertThat(Files.readString(out.resolve("BASELINE-MODEL.md"))).startsWith("# The bundled model on the lab corpus")
                .contains("| synth-mix | 1 | neptune | dos |");

        Map<String, String> first = contents(out);
        CliRun again = CliRun.of("lab", "corpus", "--from-recordings", work.toString(), "--out", out.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(contents(out)).isEqualTo(first);
    }

    @Test
    void anotherModelJudgesAndIsNamed() throws Exception {
        Path model = dir.resolve("m.gwm");
        try (InputStream in = ModelFile.class.getResourceAsStream(ModelFile.DEFAULT_RESOURCE)) {
            assertThat(in).isNotNull();
            Files.copy(in, model);
        }
        CliRun run = CliRun.of("lab", "corpus", "--from-recordings", work.toString(), "--out", out.toString(), "--model", model.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(out.resolve("BASELINE-MODEL.md"))).startsWith("# The model " + model + " on the lab corpus");
    }

    @Test
    void aMissingPcapIsAnUnreadableInputNamedBeforeAnythingIsWritten() throws Exception {
        Files.delete(work.resolve("synth-mix.pcap"));
        CliRun run = CliRun.of("lab", "corpus", "--from-recordings", work.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).startsWith("gatewatch: " + work.resolve("synth-mix.pcap") + ": missing");
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingOrForeignManifestIsAnUnreadableInputNamingIt() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun run = CliRun.of("lab", "corpus", "--from-recordings", empty.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(run.err()).isEqualTo("gatewatch: " + empty.resolve("manifest.json") + ": no such file or directory\n");

        Files.writeString(work.resolve("manifest.json"), "{\"format\": \"gatewatch lab corpus v1\"}\n");
        run = CliRun.of("lab", "corpus", "--from-recordings", work.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(run.err()).startsWith("gatewatch: " + work.resolve("manifest.json") + ": not a lab manifest").hasLineCount(1);

        Files.writeString(work.resolve("manifest.json"), "{\"format\": \"gatewatch lab manifest v1\", \"recordings\": {\"x\": {\"seed\": 1}}}\n");
        run = CliRun.of("lab", "corpus", "--from-recordings", work.toString(), "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNREADABLE_INPUT);
        assertThat(run.err()).isEqualTo("gatewatch: " + work.resolve("manifest.json") + ": recording ?: no key, scenario or seed\n");
    }

    @Test
    void recordingOptionsAndUnrecordedScenariosAreRefused() {
        CliRun run = CliRun.of("lab", "corpus", "--from-recordings", work.toString(), "--out", out.toString(), "--seeds", "1,2",
                "--work", dir.resolve("w").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("gatewatch: --seeds and --work are recording options").hasLineCount(1);

        run = CliRun.of("lab", "corpus", "--from-recordings", work.toString(), "--out", out.toString(), "normal-web");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("gatewatch: no recording of normal-web in " + work.resolve("manifest.json"));
        assertThat(out).doesNotExist();
    }

    /** Every file of {@code d} by name; BASELINE-MODEL.md without its "Generated TIME by" line. */
    private static Map<String, String> contents(Path d) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (var files = Files.list(d)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                all.put(name, name.endsWith(".gz") ? java.util.HexFormat.of().formatHex(Files.readAllBytes(f))
                        : Files.readString(f).replaceAll("(?m)^Generated .* by$", "Generated by"));
            }
        }
        return all;
    }

    private static String gunzip(Path f) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}

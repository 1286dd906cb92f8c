package gatewatch.detector.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.detector.encode.DetectorRow;
import gatewatch.detector.model.Ensemble;
import gatewatch.detector.model.ModelPayload;
import gatewatch.detector.model.Verdict;
import gatewatch.detector.testing.Fixtures;
import gatewatch.detector.train.TrainedModel;
import gatewatch.features.kdd.KddRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelFileTest {
    private TrainedModel trained;

    @TempDir
    Path dir;

    @BeforeAll
    void train() {
        trained = Fixtures.syntheticModel();
    }

    @Test
    void roundTripGivesTheSamePayloadHeaderAndVerdicts() throws IOException {
        Path file = dir.resolve("m.gwm");
        Ensemble e = trained.ensemble();
        ModelFile.write(file, e.header(), e.payload());

        Ensemble back = Ensemble.load(file);

        assertThat(back.header()).isEqualTo(e.header());
        assertThat(ModelFile.payloadBytes(back.payload())).isEqualTo(ModelFile.payloadBytes(e.payload()));
        var data = Fixtures.synthetic(200, 99);
        for (double[] row : data.features()) {
            Verdict a = e.score(KddRecord.of(row));
            Verdict b = back.score(KddRecord.of(row));
            assertThat(b).isEqualTo(a);
        }
        assertThat(ModelFile.readHeader(file).schemaHash()).isEqualTo(DetectorRow.schemaHash());
    }

    @Test
    void headerCarriesVersionSchemaAndCommand() {
        ModelHeader h = trained.ensemble().header();
        assertThat(h.formatVersion()).isEqualTo(ModelFile.FORMAT_VERSION);
        assertThat(h.schemaHash()).isEqualTo(DetectorRow.schemaHash());
        assertThat(h.trainingCommand()).isEqualTo("test fixture");
        assertThat(h.modelVersion()).matches("gw1-[0-9a-f]{12}");
        assertThat(h.createdAt()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void theFilterAdmitsExactlyTheClassesAModelHolds() throws Exception {
        byte[] bytes = ModelFile.payloadBytes(trained.ensemble().payload());
        Set<Class<?>> seen = new HashSet<>();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(info -> {
                if (info.serialClass() != null) {
                    seen.add(info.serialClass());
                }
                return ObjectInputFilter.Status.UNDECIDED;
            });
            assertThat(in.readObject()).isInstanceOf(ModelPayload.class);
        }
        Set<Class<?>> expected = new HashSet<>(ModelFile.ALLOWED);
        expected.remove(String.class); // strings never reach a filter
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aCraftedFileWithAnotherClassIsRefused() throws IOException {
        HashMap<String, String> gadget = new HashMap<>();
        gadget.put("k", "v");
        Path file = dir.resolve("crafted.gwm");
        writeRaw(file, DetectorRow.schemaHash(), ModelFile.FORMAT_VERSION, gadget);

        assertThatThrownBy(() -> Ensemble.load(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("crafted.gwm")
                .hasMessageContaining("refused")
                .hasMessageContaining("java.util.HashMap");
    }

    /** A class of our own that is serializable but not part of a model is refused too. */
    record Smuggled(String command) implements Serializable {
    }

    @Test
    void aSerializableClassOutsideTheAllowListIsRefusedBeforeItIsBuilt() throws IOException {
        Path file = dir.resolve("smuggled.gwm");
        writeRaw(file, DetectorRow.schemaHash(), ModelFile.FORMAT_VERSION, new Smuggled("rm -rf /"));

        assertThatThrownBy(() -> Ensemble.load(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining(Smuggled.class.getName());
    }

    @Test
    void aModelForAnotherSchemaIsRefused() throws IOException {
        Path file = dir.resolve("old.gwm");
        writeRaw(file, "0123456789abcdef".repeat(4), ModelFile.FORMAT_VERSION, trained.ensemble().payload());

        assertThatThrownBy(() -> Ensemble.load(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("feature schema 0123456789ab")
                .hasMessageContaining(DetectorRow.schemaHash().substring(0, 12))
                .hasMessageContaining("retrain");
    }

    @Test
    void anotherFormatVersionIsRefused() throws IOException {
        Path file = dir.resolve("v9.gwm");
        writeRaw(file, DetectorRow.schemaHash(), 9, trained.ensemble().payload());

        assertThatThrownBy(() -> Ensemble.load(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("format 9");
    }

    @Test
    void somethingElseEntirelyIsRefused() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "hello, this is not a model\n");
        assertThatThrownBy(() -> Ensemble.load(file)).isInstanceOf(ModelFileException.class).hasMessageContaining("bad magic");

        Path truncated = dir.resolve("truncated.gwm");
        Path good = dir.resolve("good.gwm");
        ModelFile.write(good, trained.ensemble().header(), trained.ensemble().payload());
        byte[] all = Files.readAllBytes(good);
        Files.write(truncated, java.util.Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> Ensemble.load(truncated)).isInstanceOf(IOException.class).hasMessageContaining("truncated.gwm");
    }

    @Test
    void theBundledModelLoadsThroughTheSameReader() throws IOException {
        Ensemble e = Ensemble.loadDefault();
        assertThat(e.modelVersion()).startsWith("gw1-");
        assertThat(e.header().trainingCommand()).contains("gatewatch train").contains("kddcup.data_10_percent.gz");
        try (var in = ModelFile.class.getResourceAsStream(ModelFile.DEFAULT_RESOURCE)) {
            assertThat(in.readAllBytes().length).isLessThanOrEqualTo(10 * 1024 * 1024);
        }
    }

    @Test
    void aFormat1FileIsRefusedAsAnOlderFormatNotAsDamage() throws IOException {
        Path file = dir.resolve("v1.gwm");
        try (OutputStream out = Files.newOutputStream(file)) {
            java.io.DataOutputStream d = new java.io.DataOutputStream(out);
            d.write("GWMODEL\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            d.writeInt(1);
            for (String f : List.of(DetectorRow.schemaHash(), "gatewatch train", "2026-01-01T00:00:00Z", "0.1", "gw1-x")) {
                d.writeUTF(f);
            }
            d.write(FilteredObjects.gzip(trained.ensemble().payload()));
        }
        assertThatThrownBy(() -> Ensemble.load(file)).isInstanceOf(ModelFileException.class)
                .hasMessage("model " + file + ": format 1, written by an older gatewatch without digests;"
                        + " this gatewatch reads format 2: retrain it with 'gatewatch train'");
    }

    /** Digests that match a payload whose gzip trailer does not: the reader reads the stream to its end and checks it. */
    @Test
    void theGzipTrailerIsCheckedCrcAndLength() throws IOException {
        byte[] gzipped = FilteredObjects.gzip(trained.ensemble().payload());
        for (int at : new int[] {gzipped.length - 8, gzipped.length - 1}) { // CRC-32, then ISIZE
            byte[] bad = gzipped.clone();
            bad[at] ^= 1;
            Path file = dir.resolve("trailer" + at + ".gwm");
            try (OutputStream out = Files.newOutputStream(file)) {
                ModelFile.write(out, trained.ensemble().header(), bad);
            }
            long start = Files.size(file) - bad.length;
            assertThatThrownBy(() -> Ensemble.load(file)).isInstanceOf(ModelFileException.class)
                    .hasMessage("model " + file + ": damaged in bytes " + start + "-" + (Files.size(file) - 1)
                            + ": gzip: Corrupt GZIP trailer");
        }
    }

    @Test
    void aFileThatCannotBeReadSaysWhy() throws IOException {
        Path missing = dir.resolve("missing.gwm");
        assertThatThrownBy(() -> Ensemble.load(missing)).hasMessage("model " + missing + ": no such file or directory");
        assertThatThrownBy(() -> Ensemble.load(dir)).hasMessage("model " + dir + ": is a directory");
        Path empty = Files.createFile(dir.resolve("empty.gwm"));
        assertThatThrownBy(() -> Ensemble.load(empty)).hasMessage("model " + empty + ": empty file, not a gatewatch model file");
    }

    @Test
    void aTruncatedOrExtendedFileIsRefusedAtItsEnd() throws IOException {
        Path good = dir.resolve("whole.gwm");
        ModelFile.write(good, trained.ensemble().header(), trained.ensemble().payload());
        byte[] all = Files.readAllBytes(good);
        int payload = FilteredObjects.gzip(trained.ensemble().payload()).length;
        Path shorter = dir.resolve("shorter.gwm");
        Files.write(shorter, java.util.Arrays.copyOf(all, all.length - 1));
        assertThatThrownBy(() -> Ensemble.load(shorter)).hasMessage("model " + shorter + ": damaged at byte " + (all.length - 1)
                + ": truncated: the file ends at byte " + (all.length - 1) + ", its header says the payload is "
                + payload + " bytes from byte " + (all.length - payload));
        Path longer = dir.resolve("longer.gwm");
        Files.write(longer, java.util.Arrays.copyOf(all, all.length + 3));
        assertThatThrownBy(() -> Ensemble.load(longer)).hasMessage("model " + longer + ": damaged at byte " + all.length
                + ": 3 bytes after the end of the payload");
        assertThat(ModelFile.readHeader(good)).isEqualTo(trained.ensemble().header());
    }

    /** A file with matching digests around any payload: what a crafted file looks like. */
    private static void writeRaw(Path file, String schema, int format, Object payload) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            DigestedFile.write(out, DigestedFile.Kind.MODEL, List.of(schema, "crafted", "2020-01-01T00:00:00Z", "0", "x"),
                    FilteredObjects.gzip((Serializable) payload));
        }
        if (format != ModelFile.FORMAT_VERSION) {
            byte[] b = Files.readAllBytes(file);
            ByteBuffer.wrap(b).putInt(8, format);
            Files.write(file, b);
        }
    }
}

package gatewatch.detector.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.detector.model.Ensemble;
import gatewatch.detector.model.ModelPayload;
import gatewatch.detector.model.Verdict;
import gatewatch.detector.testing.Fixtures;
import gatewatch.detector.train.TrainedModel;
import gatewatch.features.kdd.KddRecord;
import gatewatch.features.kdd.KddSchema;
import java.io.ByteArrayInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
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
        assertThat(ModelFile.readHeader(file).schemaHash()).isEqualTo(KddSchema.hash());
    }

    @Test
    void headerCarriesVersionSchemaAndCommand() {
        ModelHeader h = trained.ensemble().header();
        assertThat(h.formatVersion()).isEqualTo(ModelFile.FORMAT_VERSION);
        assertThat(h.schemaHash()).isEqualTo(KddSchema.hash());
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
        writeRaw(file, KddSchema.hash(), ModelFile.FORMAT_VERSION, gadget);

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
        writeRaw(file, KddSchema.hash(), ModelFile.FORMAT_VERSION, new Smuggled("rm -rf /"));

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
                .hasMessageContaining(KddSchema.hash().substring(0, 12))
                .hasMessageContaining("retrain");
    }

    @Test
    void anotherFormatVersionIsRefused() throws IOException {
        Path file = dir.resolve("v9.gwm");
        writeRaw(file, KddSchema.hash(), 9, trained.ensemble().payload());

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

    private static void writeRaw(Path file, String schema, int format, Object payload) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            DataOutputStream d = new DataOutputStream(out);
            d.write("GWMODEL\n".getBytes(StandardCharsets.US_ASCII));
            d.writeInt(format);
            d.writeUTF(schema);
            d.writeUTF("crafted");
            d.writeUTF("2020-01-01T00:00:00Z");
            d.writeUTF("0");
            d.writeUTF("x");
            d.flush();
            GZIPOutputStream gz = new GZIPOutputStream(out);
            ObjectOutputStream o = new ObjectOutputStream(gz);
            o.writeObject(payload);
            o.flush();
            gz.finish();
        }
    }
}

package gatewatch.detector.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.detector.model.Category;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.Service;
import gatewatch.features.testing.SharedData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KddLoaderTest {
    private static final String KDD_ROW = "0,tcp,http,SF,181,5450,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,8,8,0.00,0.00,0.00,0.00,1.00,0.00,0.00,9,9,1.00,0.00,0.11,0.00,0.00,0.00,0.00,0.00,";
    private static final String NSL_ROW = "0,udp,private,S0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,123,6,1.00,1.00,0.00,0.00,0.05,0.07,0.00,255,26,0.10,0.05,0.00,0.00,1.00,1.00,0.00,0.00,";

    @TempDir
    Path dir;

    private final KddLoader loader = new KddLoader(AttackTaxonomy.builtIn(), UnknownSymbolPolicy.FAIL);

    @Test
    void readsPlainAndGzipKdd99AndNslKddIntoOneSchema() throws IOException {
        Path plain = Files.writeString(dir.resolve("a.txt"), KDD_ROW + "normal.\n" + KDD_ROW + "smurf.\n");
        Path gz = dir.resolve("b.data");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write((NSL_ROW + "neptune,21\n\n").getBytes(StandardCharsets.US_ASCII));
        }

        LabelledData d = loader.load(List.of(plain, gz)).data();

        assertThat(d.size()).isEqualTo(3);
        assertThat(d.labels()).containsExactly("normal", "smurf", "neptune");
        assertThat(d.categories()).containsExactly(Category.NORMAL, Category.DOS, Category.DOS);
        assertThat(d.difficulty()).containsExactly(-1, -1, 21);
        assertThat(d.features()[0][KddFeature.SRC_BYTES.ordinal()]).isEqualTo(181.0);
        assertThat(d.features()[0][KddFeature.SERVICE.ordinal()]).isEqualTo(Service.HTTP.ordinal());
        assertThat(d.features()[2][KddFeature.FLAG.ordinal()]).isEqualTo(KddFlag.S0.ordinal());
    }

    @Test
    void repeatedRowsShareOneFeatureArrayAndKeepTheirOwnLabels() throws IOException {
        // KDD'99 is 70 % copies: holding a copy as the same array is what keeps training's data small.
        Path f = Files.writeString(dir.resolve("r.txt"), KDD_ROW + "normal.\n" + NSL_ROW + "neptune.\n" + KDD_ROW + "smurf.\n"
                + KDD_ROW + "normal.\n");

        LabelledData d = loader.load(List.of(f)).data();

        assertThat(d.size()).isEqualTo(4);
        assertThat(d.labels()).containsExactly("normal", "neptune", "smurf", "normal");
        assertThat(d.features()[2]).isSameAs(d.features()[0]);
        assertThat(d.features()[3]).isSameAs(d.features()[0]);
        assertThat(d.features()[1]).isNotSameAs(d.features()[0]);
        assertThat(Dedupe.distinct(d).size()).isEqualTo(3);
    }

    @Test
    void anUnknownLabelIsAnErrorNamingFileAndLine() throws IOException {
        Path f = Files.writeString(dir.resolve("c.txt"), KDD_ROW + "normal.\n" + KDD_ROW + "zeroday.\n");
        assertThatThrownBy(() -> loader.load(List.of(f)))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("c.txt:2").hasMessageContaining("zeroday");
    }

    @Test
    void anUnknownSymbolFailsByDefaultAndIsCountedWhenSkipped() throws IOException {
        Path f = Files.writeString(dir.resolve("d.txt"),
                KDD_ROW + "normal.\n" + KDD_ROW.replace(",http,", ",gopherx,") + "normal.\n");
        assertThatThrownBy(() -> loader.load(List.of(f)))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("d.txt:2").hasMessageContaining("service").hasMessageContaining("gopherx");

        KddLoader.Result r = new KddLoader(AttackTaxonomy.builtIn(), UnknownSymbolPolicy.SKIP).load(List.of(f));
        assertThat(r.data().size()).isEqualTo(1);
        assertThat(r.skippedUnknownSymbol()).isEqualTo(1);
    }

    @Test
    void aMissingFileIsAnIoErrorNamingIt() {
        Path missing = dir.resolve("nope.gz");
        assertThatThrownBy(() -> loader.load(List.of(missing))).isInstanceOf(IOException.class).hasMessageContaining("nope.gz");
    }

    @Test
    void theSharedTestSetLoadsWithTheOfficialCategoryCounts() throws IOException {
        Path corrected = SharedData.require("data/corrected.gz");
        LabelledData d = loader.load(List.of(corrected)).data();
        assertThat(d.size()).isEqualTo(311_029);
        // normal, dos, probe, r2l, u2r as in the KDD Cup 1999 results.
        assertThat(d.categoryCounts()).containsExactly(60_593, 229_853, 4_166, 16_189, 228);
    }

    @Test
    void nslKddTrainingSetLoadsWithDifficulty() throws IOException {
        Path nsl = SharedData.require("data/KDDTrain+_20Percent.txt.gz");
        LabelledData d = loader.load(List.of(nsl)).data();
        assertThat(d.size()).isEqualTo(25_192);
        assertThat(java.util.Arrays.stream(d.difficulty()).allMatch(v -> v >= 0 && v <= 21)).isTrue();
        assertThat(d.categoryCounts()[Category.NORMAL.ordinal()]).isEqualTo(13_449);
    }
}

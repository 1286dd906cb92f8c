package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.detector.data.LabelledData;
import gatewatch.detector.encode.DetectorRow;
import gatewatch.detector.model.Category;
import gatewatch.features.extended.ExtendedCsv;
import gatewatch.features.kdd.KddFlag;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TodaySourcesTest {
    @TempDir
    Path dir;

    private static LabelledData twoRows() {
        double[] a = new double[41];
        double[] b = new double[41];
        a[4] = 100;
        b[4] = 1200;
        return new LabelledData(new double[][] {a, b}, new String[] {"normal", "udp_reflection"},
                new Category[] {Category.NORMAL, Category.DOS}, new int[] {-1, -1});
    }

    private Path extended(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return f;
    }

    @Test
    void excludedScenariosAreLeftOutWithAllTheirSeeds() throws IOException {
        String line = "0,tcp,pop_3,SF,30,93,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0,1,1,0.00,0.00,0.00,0.00,1.00,0.00,0.00,"
                + "1,1,1.00,0.00,1.00,0.00,0.00,0.00,0.00,0.00,normal.";
        for (String key : new String[] {"normal-pop3-s1", "normal-pop3-s2", "normal-web-s1"}) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve(key + ".data.gz")))) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        gatewatch.detector.data.KddLoader loader = new gatewatch.detector.data.KddLoader(
                gatewatch.detector.data.AttackTaxonomy.builtIn(), gatewatch.detector.data.UnknownSymbolPolicy.FAIL);
        PrintWriter notes = new PrintWriter(new StringWriter());
        assertThat(TodaySources.lab(java.util.List.of(dir), java.util.Set.of(), loader, notes)).extracting(s -> s.group())
                .containsExactlyInAnyOrder("lab:normal-pop3", "lab:normal-pop3", "lab:normal-web");
        assertThat(TodaySources.lab(java.util.List.of(dir), java.util.Set.of("normal-pop3"), loader, notes))
                .extracting(s -> s.group()).containsExactly("lab:normal-web");
    }

    @Test
    void eachCorpusRowGetsItsLineOfTheFileBeside() throws IOException {
        extended("x-s1.extended.gz", ExtendedCsv.header(), "3,2,33,40,SF,-1,-1,1", "1,0,1200,0,S0,-1,-1,0");
        StringWriter notes = new StringWriter();
        LabelledData wide = TodaySources.withExtended(dir.resolve("x-s1.data.gz"), twoRows(), new PrintWriter(notes));
        assertThat(notes.toString()).isEmpty();
        assertThat(wide.features()[1]).hasSize(DetectorRow.WIDTH);
        assertThat(wide.features()[1][4]).isEqualTo(1200);
        assertThat(wide.features()[1][DetectorRow.CONN_STATE]).isEqualTo(KddFlag.S0.ordinal());
        assertThat(wide.features()[0][DetectorRow.CONN_STATE]).isEqualTo(KddFlag.SF.ordinal());
        assertThat(wide.features()[0]).hasSize(DetectorRow.WIDTH);
        assertThat(wide.labels()).containsExactly("normal", "udp_reflection");
    }

    @Test
    void withoutTheFileTheRowsStayAsTheyWereAndANoteSaysSo() throws IOException {
        StringWriter notes = new StringWriter();
        LabelledData rows = twoRows();
        LabelledData same = TodaySources.withExtended(dir.resolve("y-s1.data.gz"), rows, new PrintWriter(notes));
        assertThat(same).isSameAs(rows);
        assertThat(notes.toString()).contains("y-s1.extended.gz is missing").contains("gatewatch lab corpus");
    }

    @Test
    void aFileThatDoesNotMatchItsDataIsRefusedNamingIt() throws IOException {
        extended("z-s1.extended.gz", ExtendedCsv.header(), "3,2,33,40,SF,-1,-1,0");
        assertThatThrownBy(() -> TodaySources.withExtended(dir.resolve("z-s1.data.gz"), twoRows(),
                new PrintWriter(new StringWriter())))
                .hasMessageContaining("z-s1.extended.gz").hasMessageContaining("1 lines for the 2 rows");
        extended("w-s1.extended.gz", "orig_pkts", "3", "1");
        assertThatThrownBy(() -> TodaySources.withExtended(dir.resolve("w-s1.data.gz"), twoRows(),
                new PrintWriter(new StringWriter())))
                .hasMessageContaining("w-s1.extended.gz").hasMessageContaining("header");
        extended("v-s1.extended.gz", ExtendedCsv.header(), "3,2,33,40,SF,-1,-1,0", "1,0,1200,0,XX,-1,-1,0");
        assertThatThrownBy(() -> TodaySources.withExtended(dir.resolve("v-s1.data.gz"), twoRows(),
                new PrintWriter(new StringWriter())))
                .hasMessageContaining("v-s1.extended.gz: line 3").hasMessageContaining("conn_state");
    }
}

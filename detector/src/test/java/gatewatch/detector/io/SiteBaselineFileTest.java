package gatewatch.detector.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.detector.model.Ensemble;
import gatewatch.detector.model.SiteBaseline;
import gatewatch.detector.train.SiteLearner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteBaselineFileTest {
    @TempDir
    Path tmp;

    private static double[][] rows(int n, long seed) {
        Random r = new Random(seed);
        double[][] out = new double[n][41];
        for (double[] row : out) {
            row[1] = 1; // udp
            row[2] = 12; // a service
            row[3] = 9; // SF
            row[4] = 40 + r.nextInt(200);
            row[5] = 80 + r.nextInt(400);
            row[22] = 1 + r.nextInt(30);
            row[23] = 1 + r.nextInt(30);
        }
        return out;
    }

    @Test
    void writesAndReadsBackTheSameBaseline() throws Exception {
        Ensemble model = Ensemble.loadDefault();
        SiteBaseline b = new SiteLearner(0.99, 3).learn(model, rows(500, 1));
        Path file = tmp.resolve("site.gwb");
        SiteBaselineFile.write(file, new SiteBaselineFile.Header("gatewatch learn x", "2026-11-22T00:00:00Z", "t"), b);

        SiteBaselineFile.Loaded back = SiteBaselineFile.read(file);
        assertThat(back.header().command()).isEqualTo("gatewatch learn x");
        SiteBaseline c = back.baseline();
        assertThat(c.threshold()).isEqualTo(b.threshold());
        assertThat(c.modelVersion()).isEqualTo(model.modelVersion());
        double[][] raw = rows(200, 2);
        double[][] probe = model.payload().encoder().encodeAll(raw);
        for (int i = 0; i < raw.length; i++) {
            assertThat(c.typical(raw[i], 0, probe[i], 0)).isEqualTo(b.typical(raw[i], 0, probe[i], 0));
        }
        assertThat(c.scopes().keys()).isEqualTo(b.scopes().keys());
        assertThat(c.scopes().upper()).isDeepEqualTo(b.scopes().upper());
    }

    @Test
    void aFileThatIsNotABaselineIsRefusedByName() throws Exception {
        Path text = tmp.resolve("notes.txt");
        Files.writeString(text, "not a baseline at all");
        assertThatThrownBy(() -> SiteBaselineFile.read(text)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("notes.txt").hasMessageContaining("not a gatewatch site baseline");
        Path model = tmp.resolve("model.gwm");
        Files.write(model, "GWMODEL\n and the rest".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> SiteBaselineFile.read(model)).hasMessageContaining("it is a model file");
    }

    @Test
    void aFormat1BaselineIsRefusedAsOlderNotDamaged() throws Exception {
        Path old = tmp.resolve("old.gwb");
        Files.write(old, "GWSITE1\n and the rest".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> SiteBaselineFile.read(old)).isInstanceOf(ModelFileException.class)
                .hasMessage("site baseline " + old + ": format 1, written by an older gatewatch without digests;"
                        + " this gatewatch reads format 2: learn it again with 'gatewatch learn'");
    }
}

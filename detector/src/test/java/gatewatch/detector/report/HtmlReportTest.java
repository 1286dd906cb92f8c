package gatewatch.detector.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gatewatch.detector.eval.Evaluator;
import gatewatch.detector.model.Ensemble;
import gatewatch.detector.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlReportTest {
    private Ensemble ensemble;
    private Evaluator.Run run;

    @TempDir
    Path dir;

    @BeforeAll
    void evaluate() {
        ensemble = Fixtures.syntheticModel().ensemble();
        run = Evaluator.run(ensemble, Fixtures.synthetic(2000, 5));
    }

    @Test
    void thePageIsSelfContainedWithFivePictures() throws IOException {
        Path page = HtmlReport.write(dir.resolve("r"), run, ensemble.header(), List.of("a <b>.gz"));
        String html = Files.readString(page);

        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(html.split("<svg", -1)).hasSize(6);
        assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("href=");
        assertThat(html).contains("a &lt;b&gt;.gz").contains(ensemble.modelVersion());
        long normalAsNormal = run.evaluation().confusion()[0][0];
        assertThat(html).contains(String.format(java.util.Locale.ROOT, "%,d", normalAsNormal));
        assertThat(html).contains("threshold " + String.format(java.util.Locale.ROOT, "%.3f", run.anomalyThreshold()));
    }

    @Test
    void theRocHasALogFalsePositiveAxisWithLabelledDecades() {
        long normalRows = java.util.Arrays.stream(run.actual()).filter(c -> c == gatewatch.detector.model.Category.NORMAL).count();
        double floor = HtmlReport.rocFloor(normalRows);
        // One normal row's rate lies in the first decade of the axis.
        assertThat(floor).isLessThanOrEqualTo(1.0 / normalRows).isGreaterThan(0.1 / normalRows);
        assertThat(HtmlReport.rocFloor(60_593)).isEqualTo(1e-5);
        assertThat(HtmlReport.rocFloor(5_000)).isEqualTo(1e-4);
        assertThat(HtmlReport.rocFloor(10)).isEqualTo(1e-2);
        assertThat(HtmlReport.rocFloor(100_000_000)).isEqualTo(1e-6);

        String svg = HtmlReport.roc(run);
        for (double decade = floor; decade <= 1; decade *= 10) {
            String label = new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.6f", decade)).stripTrailingZeros()
                    .toPlainString();
            assertThat(svg).as("tick " + label).contains(">" + label + "</text>");
        }
        assertThat(svg).contains("false-positive rate (log scale)");

        Svg log = Svg.logX(460, 380, 1e-4, 1, 0, 1);
        double decadeWidth = log.px(1e-3) - log.px(1e-4);
        assertThat(decadeWidth).isEqualTo((460 - 60 - 20) / 4.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(log.px(1e-2) - log.px(1e-3)).isCloseTo(decadeWidth, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(log.px(1) - log.px(0.1)).isCloseTo(decadeWidth, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(log.px(0)).as("a rate of 0 sits on the left edge").isEqualTo(log.px(1e-4));
    }

    @Test
    void theCaptionsDashedCurveIsDrawnDashed() {
        String svg = HtmlReport.roc(run);
        String anomaly = polylineOf(svg, "#e67700");
        String ensembleCurve = polylineOf(svg, "#1971c2");
        assertThat(anomaly).contains("stroke-dasharray");
        assertThat(ensembleCurve).doesNotContain("stroke-dasharray");
        String page = HtmlReport.render(run, ensemble.header(), List.of("x"));
        assertThat(page).contains("the solid blue curve ranks by 1 - p(normal), the dashed orange one by the anomaly score");
    }

    @Test
    void thePageHasARowForEveryAttackLabel() {
        String page = HtmlReport.render(run, ensemble.header(), List.of("x"));
        assertThat(page).contains("<h2>Per attack label</h2>");
        run.evaluation().perLabel().forEach((label, m) -> assertThat(page).contains(String.format(java.util.Locale.ROOT,
                "<td class=\"l\">%s</td><td class=\"l\">%s</td><td>%,d</td><td>%.2f %%</td><td>%.2f %%</td>", label,
                m.category(), m.rows(), 100 * m.detectedShare(), 100 * m.rightCategoryShare())));
        assertThat(run.evaluation().perLabel()).containsKeys("neptune", "smurf", "satan", "guess_passwd", "rootkit");
    }

    /** The last polyline drawn in {@code color}: the curve (the legend's sample of it comes first). */
    private static String polylineOf(String svg, String color) {
        int at = svg.lastIndexOf("stroke=\"" + color + "\"");
        assertThat(at).as("a polyline in " + color).isPositive();
        int start = svg.lastIndexOf("<polyline", at);
        return svg.substring(start, svg.indexOf("/>", at));
    }

    /** The check CI runs with Debian's chromium; skipped where it is not installed. */
    @Test
    void rendersInHeadlessChromium() throws Exception {
        String chromium = findChromium();
        assumeTrue(chromium != null, "skipped: chromium not on the PATH (CI installs it: apt-get install -y chromium)");
        Path page = HtmlReport.write(dir.resolve("render"), run, ensemble.header(), List.of("synthetic"));
        Path shot = dir.resolve("shot.png");
        Path profile = Files.createTempDirectory(dir, "profile");
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1200,2600", "--screenshot=" + shot, page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("chromium.log"))).isZero();

        BufferedImage img = ImageIO.read(shot.toFile());
        assertThat(img.getWidth()).isEqualTo(1200);
        // The charts draw in blue, green and red: count clearly coloured pixels.
        long coloured = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    coloured++;
                }
            }
        }
        assertThat(coloured).as("coloured pixels of the rendered charts").isGreaterThan(5_000);
        Path keep = Path.of("target", "report-render.png");
        Files.createDirectories(keep.getParent());
        Files.copy(shot, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String findChromium() {
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(d, name))) {
                    return Path.of(d, name).toString();
                }
            }
        }
        return null;
    }
}

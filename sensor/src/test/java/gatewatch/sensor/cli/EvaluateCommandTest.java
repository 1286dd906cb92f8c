package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    @TempDir
    Path dir;

    @Test
    void jsonHasTheFiguresOfDesignMd() throws IOException {
        Path test = TrainCommandTest.head(dir, "data/corrected.gz", 3000);

        TrainCommandTest.Outcome o = TrainCommandTest.run(new EvaluateCommand(), "--test", test.toString(), "--json");

        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out().strip().lines()).hasSize(1);
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertThat(j.get("rows").asLong()).isEqualTo(3000);
        assertThat(j.get("accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(j.get("cost_per_example").asDouble()).isBetween(0.0, 4.0);
        assertThat(j.get("confusion")).hasSize(5);
        assertThat(j.get("confusion").get(0)).hasSize(5);
        long total = 0;
        for (JsonNode row : j.get("confusion")) {
            for (JsonNode v : row) {
                total += v.asLong();
            }
        }
        assertThat(total).isEqualTo(3000);
        assertThat(j.get("per_category")).hasSize(5);
        assertThat(j.get("per_category").get(0).get("category").asText()).isEqualTo("normal");
        assertThat(j.has("roc_auc")).isTrue();
        assertThat(j.has("pr_auc")).isTrue();
        assertThat(j.get("model_version").asText()).startsWith("gw1-");
    }

    /** per_label against a recount of the bundled model's verdicts on the same rows, label by label. */
    @Test
    void perLabelInJsonAndTextMatchesARecount() throws IOException {
        Path test = TrainCommandTest.head(dir, "data/corrected.gz", 5000);
        gatewatch.detector.data.LabelledData data = new gatewatch.detector.data.KddLoader(
                gatewatch.detector.data.AttackTaxonomy.builtIn(), gatewatch.detector.data.UnknownSymbolPolicy.FAIL)
                .load(java.util.List.of(test)).data();
        gatewatch.detector.model.Assessment[] a = gatewatch.detector.model.Ensemble.loadDefault().assess(data.features());
        java.util.Map<String, long[]> recount = new java.util.TreeMap<>(); // rows, alerted, in its own category
        for (int i = 0; i < a.length; i++) {
            if (data.categories()[i] != gatewatch.detector.model.Category.NORMAL) {
                long[] r = recount.computeIfAbsent(data.labels()[i], k -> new long[3]);
                r[0]++;
                r[1] += a[i].verdict().isAlert() ? 1 : 0;
                r[2] += a[i].counted() == data.categories()[i] ? 1 : 0;
            }
        }

        TrainCommandTest.Outcome json = TrainCommandTest.run(new EvaluateCommand(), "--test", test.toString(), "--json");
        TrainCommandTest.Outcome text = TrainCommandTest.run(new EvaluateCommand(), "--test", test.toString());

        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode perLabel = new ObjectMapper().readTree(json.out()).get("per_label");
        assertThat(perLabel.isObject()).isTrue();
        java.util.List<String> names = new java.util.ArrayList<>();
        perLabel.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrderElementsOf(recount.keySet()).hasSizeGreaterThan(1);
        recount.forEach((label, r) -> {
            JsonNode m = perLabel.get(label);
            assertThat(m.get("rows").asLong()).as(label).isEqualTo(r[0]);
            assertThat(m.get("detected").asLong()).as(label).isEqualTo(r[1]);
            assertThat(m.get("right_category").asLong()).as(label).isEqualTo(r[2]);
            assertThat(m.get("detected_share").asDouble()).as(label).isEqualTo((double) r[1] / r[0]);
            assertThat(m.get("top_predicted").asText()).as(label).isNotEmpty();
            assertThat(text.out()).contains(String.format(java.util.Locale.ROOT, "%-16s %-8s %,9d %8.2f%% %8.2f%%", label,
                    m.get("category").asText(), r[0], 100.0 * r[1] / r[0], 100.0 * r[2] / r[0]));
        });
    }

    @Test
    void allNormalRowsHaveNoAreaUnderTheCurveInsteadOfZero() throws IOException {
        Path all = TrainCommandTest.head(dir, "data/corrected.gz", 20_000);
        Path normal = dir.resolve("normal.txt");
        Files.write(normal, Files.readAllLines(all).stream().filter(l -> l.endsWith(",normal.")).toList());

        TrainCommandTest.Outcome json = TrainCommandTest.run(new EvaluateCommand(), "--test", normal.toString(), "--json");
        TrainCommandTest.Outcome text = TrainCommandTest.run(new EvaluateCommand(), "--test", normal.toString());

        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertThat(j.get("rows").asLong()).isPositive();
        assertThat(j.get("roc_auc").isNull()).isTrue();
        assertThat(j.get("pr_auc").isNull()).isTrue();
        assertThat(text.out()).contains("ROC-AUC n/a  PR-AUC n/a");
    }

    @Test
    void textAndReport() throws IOException {
        Path test = TrainCommandTest.head(dir, "data/corrected.gz", 2000);
        Path report = dir.resolve("report");

        TrainCommandTest.Outcome o = TrainCommandTest.run(new EvaluateCommand(), "--test", test.toString(), "--report",
                report.toString());

        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).contains("accuracy").contains("cost").contains("confusion").contains("report: ");
        assertThat(Files.readString(report.resolve("index.html"))).contains("<svg");
    }

    @Test
    void aModelFileThatIsNotAModelExitsThree() throws IOException {
        Path test = TrainCommandTest.head(dir, "data/corrected.gz", 10);
        Path fake = Files.writeString(dir.resolve("fake.gwm"), "not a model");

        TrainCommandTest.Outcome o = TrainCommandTest.run(new EvaluateCommand(), "--test", test.toString(), "--model",
                fake.toString());

        assertThat(o.exit()).isEqualTo(3);
        assertThat(o.err()).contains("fake.gwm").contains("not a gatewatch model file");
    }

    @Test
    void missingTestFileIsUsageOrUnreadable() {
        assertThat(TrainCommandTest.run(new EvaluateCommand()).exit()).isEqualTo(2);
        assertThat(TrainCommandTest.run(new EvaluateCommand(), "--test", dir.resolve("nope").toString()).exit()).isEqualTo(3);
    }
}

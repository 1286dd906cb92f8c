package gatewatch.sensor.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gatewatch.detector.data.AttackTaxonomy;
import gatewatch.detector.data.LabelledData;
import gatewatch.detector.model.Category;
import gatewatch.detector.model.Ensemble;
import gatewatch.detector.model.Verdict;
import gatewatch.detector.train.Trainer;
import gatewatch.detector.train.TrainingConfig;
import gatewatch.features.kdd.KddCsv;
import gatewatch.features.kdd.KddRecord;
import gatewatch.features.testing.SharedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The scoring API over a real ensemble, trained here from a few hundred rows of
 * {@code kddcup.data_10_percent} (the first 40 of each label among its first 100,000 lines, which
 * hold all four attack categories) with small trees, and asked about rows it was not trained on.
 * What is checked is the API against the ensemble, not the model's quality: a model this small
 * may call a normal row an attack. Skipped without {@code ../shared}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnsembleScoringTest {
    private static final int PER_LABEL = 40;
    private static final int LINES = 100_000;
    /** Held out: the 200th row of each of these labels, never among the first 40. */
    private static final List<String> ASKED = List.of("neptune", "smurf", "normal");

    private final ObjectMapper mapper = new ObjectMapper();
    private Ensemble ensemble;
    private final List<String> asked = new ArrayList<>();

    @BeforeAll
    void train() throws IOException {
        Path data = SharedData.require("data/kddcup.data_10_percent.gz");
        AttackTaxonomy taxonomy = AttackTaxonomy.builtIn();
        Map<String, Integer> seen = new HashMap<>();
        List<double[]> features = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        String[] heldOut = new String[ASKED.size()];
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(data)), StandardCharsets.US_ASCII))) {
            String line;
            for (int read = 0; read < LINES && (line = in.readLine()) != null; read++) {
                KddCsv.Row row = KddCsv.parse(line);
                int n = seen.merge(row.label(), 1, Integer::sum);
                if (n <= PER_LABEL) {
                    features.add(row.record().toArray());
                    labels.add(row.label());
                } else if (n == 200 && ASKED.contains(row.label())) {
                    heldOut[ASKED.indexOf(row.label())] = line;
                }
            }
        }
        asked.addAll(List.of(heldOut));
        Category[] categories = labels.stream().map(taxonomy::categoryOf).toArray(Category[]::new);
        int[] difficulty = new int[labels.size()];
        java.util.Arrays.fill(difficulty, -1);
        LabelledData rows = new LabelledData(features.toArray(double[][]::new), labels.toArray(String[]::new),
                categories, difficulty);
        TrainingConfig d = TrainingConfig.defaults();
        TrainingConfig small = new TrainingConfig(d.seed(), true, 10, 12, 200, 2, 6, 4, 6, 0.2, 0.7, 16, 64, 6, 0.99,
                2, 0.5, true, 4, 1, 1, 0.0, 0);
        ensemble = new Trainer(small).train(rows, "EnsembleScoringTest").ensemble();
    }

    @Test
    void heldOutRowsGetTheVerdictsTheEnsembleGivesDirectly() throws Exception {
        try (TestServer server = TestServer.scoring(ensemble.scorer(0)::scoreBatch)) {
            HttpResponse<String> csv = server.post("/v1/score", "text/csv", String.join("\n", asked) + "\n");
            assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
            JsonNode verdicts = mapper.readTree(csv.body());

            assertThat(verdicts).hasSize(3);
            assertThat(verdicts.get(0).get("category").asText()).isEqualTo("dos");
            assertThat(verdicts.get(0).get("label").asText()).isEqualTo("neptune");
            assertThat(verdicts.get(0).get("reasons")).isNotEmpty();
            assertThat(verdicts.get(1).get("category").asText()).isEqualTo("dos");
            assertThat(verdicts.get(1).get("label").asText()).isEqualTo("smurf");

            for (int i = 0; i < asked.size(); i++) {
                Verdict direct = ensemble.score(KddCsv.parse(asked.get(i)).record());
                JsonNode v = verdicts.get(i);
                assertThat(v.get("category").asText()).isEqualTo(direct.category().externalName());
                assertThat(v.get("label").asText()).isEqualTo(direct.label());
                // Four decimals, as in the alert log.
                assertThat(v.get("confidence").asDouble())
                        .isEqualTo(fourDecimals(direct.confidence()));
                assertThat(v.get("anomaly_score").asDouble())
                        .isEqualTo(fourDecimals(direct.anomalyScore()));
            }

            // The same rows as JSON objects give the same answer.
            String[] withoutLabels = asked.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toArray(String[]::new);
            HttpResponse<String> json = server.post("/v1/score", "application/json", Rows.json(withoutLabels));
            assertThat(mapper.readTree(json.body())).isEqualTo(verdicts);
        }
    }

    @Test
    void theRecordsTheApiParsesAreTheOnesKddCsvReads() {
        for (String line : asked) {
            KddRecord fromCsv = KddCsv.parse(line).record();
            assertThat(new CsvRecords(10).parse((line + "\n").getBytes(StandardCharsets.US_ASCII)))
                    .containsExactly(ScoreRecord.of(fromCsv));
            String json = Rows.json(line.substring(0, line.lastIndexOf(',')));
            assertThat(new JsonRecords(10).parse(json.getBytes(StandardCharsets.UTF_8)))
                    .containsExactly(ScoreRecord.of(fromCsv));
        }
    }

    private static double fourDecimals(double v) {
        StringBuilder sb = new StringBuilder();
        KddCsv.appendDecimals(v, 4, sb);
        return Double.parseDouble(sb.toString());
    }
}

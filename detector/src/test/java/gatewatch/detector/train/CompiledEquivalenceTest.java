package gatewatch.detector.train;

import gatewatch.detector.encode.DetectorRow;
import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.data.AttackTaxonomy;
import gatewatch.detector.data.KddLoader;
import gatewatch.detector.data.LabelledData;
import gatewatch.detector.data.UnknownSymbolPolicy;
import gatewatch.detector.model.Assessment;
import gatewatch.detector.model.Verdict;
import gatewatch.features.kdd.KddRecord;
import gatewatch.features.testing.SharedData;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The compiled scorers return exactly Smile's predictions (class, every posterior, every anomaly
 * score, bit for bit) on every row of {@code corrected}. The models are trained here on the
 * 10 % set with fewer trees than the bundled model, to keep the test short; the compiler does
 * not depend on the tree count, and the CI retrain check repeats this with the bundled
 * configuration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompiledEquivalenceTest {
    private TrainedModel model;
    private LabelledData corrected;

    @BeforeAll
    void train() throws IOException {
        KddLoader loader = new KddLoader(AttackTaxonomy.builtIn(), UnknownSymbolPolicy.FAIL);
        LabelledData train = loader.load(List.of(SharedData.require("data/kddcup.data_10_percent.gz"))).data();
        corrected = loader.load(List.of(SharedData.require("data/corrected.gz"))).data();
        model = new Trainer(TrainingConfig.defaults().withTrees(12, 6, 24)).train(train, "equivalence test");
    }

    @Test
    void compiledModelsEqualSmileOnEveryRowOfCorrected() {
        double[][] x = model.ensemble().payload().encoder().encodeAll(corrected.features());
        var p = model.ensemble().payload();

        EquivalenceCheck.Mismatches m = EquivalenceCheck.compare(model.labelForest(), model.categoryBoost(), model.baseline(),
                p.labelForest(), p.categoryBoost(), p.baseline(), x, Trainer.COLUMNS);

        assertThat(m.rows()).isEqualTo(311_029);
        assertThat(m.forest()).as("label forest mismatches").isZero();
        assertThat(m.boost()).as("category boost mismatches").isZero();
        assertThat(m.baseline()).as("isolation forest mismatches").isZero();
    }

    @Test
    void singleRowBatchAndAssessmentGiveTheSameVerdicts() {
        int n = 5_000;
        double[] raw = new double[n * DetectorRow.WIDTH];
        KddRecord[] records = new KddRecord[n];
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = corrected.features()[i * 61];
            records[i] = KddRecord.of(rows[i]);
            DetectorRow.copy(rows[i], raw, i * DetectorRow.WIDTH);
        }
        Verdict[] fromRecords = new Verdict[n];
        Verdict[] fromRaw = new Verdict[n];
        model.ensemble().scoreBatch(records, n, fromRecords);
        model.ensemble().scoreBatch(raw, n, fromRaw);
        Assessment[] assessed = model.ensemble().assess(rows);
        for (int i = 0; i < n; i++) {
            Verdict single = model.ensemble().score(records[i]);
            assertThat(fromRecords[i]).isEqualTo(single);
            assertThat(fromRaw[i]).isEqualTo(single);
            assertThat(assessed[i].verdict()).isEqualTo(single);
        }
    }
}

package gatewatch.detector.train;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.data.AttackTaxonomy;
import gatewatch.detector.data.KddLoader;
import gatewatch.detector.data.LabelledData;
import gatewatch.detector.data.UnknownSymbolPolicy;
import gatewatch.detector.eval.Evaluation;
import gatewatch.detector.eval.Evaluator;
import gatewatch.detector.io.ModelFile;
import gatewatch.detector.model.Assessment;
import gatewatch.detector.model.Ensemble;
import gatewatch.features.testing.SharedData;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The CI check of the bundled model (a few minutes, so only with {@code -Dgatewatch.retrain=true}):
 * retrains the bundled configuration on {@code kddcup.data_10_percent.gz} and requires
 * <ol>
 *   <li>the compiled scorers to equal Smile on every row of {@code corrected};</li>
 *   <li>the retrained model to equal the committed one: the same payload bytes, hence the same
 *   verdicts; failing that (another JDK or Smile build), accuracy and cost on
 *   {@code corrected} within {@value #ACCURACY_TOLERANCE} and {@value #COST_TOLERANCE} of it.</li>
 * </ol>
 */
@EnabledIfSystemProperty(named = "gatewatch.retrain", matches = "true",
        disabledReason = "retrain check of the bundled model runs with -Dgatewatch.retrain=true (CI)")
class DefaultModelRetrainTest {
    static final double ACCURACY_TOLERANCE = 0.001;
    static final double COST_TOLERANCE = 0.002;

    @Test
    void retrainingReproducesTheBundledModel() throws IOException {
        Ensemble committed = Ensemble.loadDefault();
        KddLoader loader = new KddLoader(AttackTaxonomy.builtIn(), UnknownSymbolPolicy.FAIL);
        LabelledData train = loader.load(List.of(SharedData.require("data/kddcup.data_10_percent.gz"))).data();
        LabelledData corrected = loader.load(List.of(SharedData.require("data/corrected.gz"))).data();

        TrainedModel m = new Trainer(TrainingConfig.defaults()).train(train, committed.header().trainingCommand());

        var p = m.ensemble().payload();
        double[][] x = p.encoder().encodeAll(corrected.features());
        EquivalenceCheck.Mismatches mm = EquivalenceCheck.compare(m.labelForest(), m.categoryBoost(), m.baseline(),
                p.labelForest(), p.categoryBoost(), p.baseline(), x, Trainer.COLUMNS);
        assertThat(mm.none()).as("compiled == Smile on corrected: %s", mm).isTrue();

        boolean identical = java.util.Arrays.equals(ModelFile.payloadBytes(p), ModelFile.payloadBytes(committed.payload()));
        System.out.printf("retrained %s, committed %s, identical payload: %s%n", m.ensemble().modelVersion(),
                committed.modelVersion(), identical);
        if (!identical) {
            Evaluation now = Evaluator.run(m.ensemble(), corrected).evaluation();
            Evaluation then = Evaluator.run(committed, corrected).evaluation();
            Assessment[] a = m.ensemble().assess(corrected.features());
            Assessment[] b = committed.assess(corrected.features());
            long same = 0;
            for (int i = 0; i < a.length; i++) {
                if (a[i].verdict().category() == b[i].verdict().category()) {
                    same++;
                }
            }
            System.out.printf("accuracy %.5f vs %.5f, cost %.5f vs %.5f, same category on %d of %d rows%n", now.accuracy(),
                    then.accuracy(), now.costPerExample(), then.costPerExample(), same, a.length);
            assertThat(now.accuracy()).isCloseTo(then.accuracy(), org.assertj.core.api.Assertions.within(ACCURACY_TOLERANCE));
            assertThat(now.costPerExample()).isCloseTo(then.costPerExample(), org.assertj.core.api.Assertions.within(COST_TOLERANCE));
        }
    }
}

package gatewatch.detector.eval;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.data.LabelledData;
import gatewatch.detector.model.Assessment;
import gatewatch.detector.model.Category;
import gatewatch.detector.model.Ensemble;
import gatewatch.detector.testing.Fixtures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerLabelTest {
    private Ensemble ensemble;
    private LabelledData data;
    private Evaluation evaluation;

    /**
     * The synthetic rows, with every fifth normal row relabelled warezmaster (r2l): rows that look
     * normal, as KDD's warezmaster rows do, so that one label is missed and the table must say so.
     */
    @BeforeAll
    void evaluate() {
        ensemble = Fixtures.syntheticModel().ensemble();
        LabelledData d = Fixtures.synthetic(1500, 11);
        String[] labels = d.labels().clone();
        Category[] categories = d.categories().clone();
        int normal = 0;
        for (int i = 0; i < labels.length; i++) {
            if (categories[i] == Category.NORMAL && normal++ % 5 == 0) {
                labels[i] = "warezmaster";
                categories[i] = Category.R2L;
            }
        }
        data = new LabelledData(d.features(), labels, categories, d.difficulty());
        evaluation = Evaluator.run(ensemble, data).evaluation();
    }

    @Test
    void everyAttackLabelMatchesARecountOfTheVerdicts() {
        Assessment[] a = ensemble.assess(data.features());
        Map<String, long[]> recount = new HashMap<>(); // rows, alerted, counted in its own category
        Map<String, Map<String, Integer>> verdicts = new HashMap<>();
        Set<String> attacks = new LinkedHashSet<>();
        for (int i = 0; i < a.length; i++) {
            if (data.categories()[i] == Category.NORMAL) {
                continue;
            }
            String label = data.labels()[i];
            attacks.add(label);
            long[] r = recount.computeIfAbsent(label, k -> new long[3]);
            r[0]++;
            r[1] += a[i].verdict().category() != Category.NORMAL ? 1 : 0;
            r[2] += a[i].counted() == data.categories()[i] ? 1 : 0;
            verdicts.computeIfAbsent(label, k -> new HashMap<>()).merge(a[i].verdict().label(), 1, Integer::sum);
        }

        assertThat(evaluation.perLabel().keySet()).containsExactlyInAnyOrderElementsOf(attacks)
                .contains("neptune", "smurf", "satan", "guess_passwd", "rootkit", "warezmaster");
        for (String label : attacks) {
            LabelMetrics m = evaluation.perLabel().get(label);
            long[] r = recount.get(label);
            int most = verdicts.get(label).values().stream().max(Integer::compare).orElseThrow();
            assertThat(m.rows()).as(label).isEqualTo(r[0]);
            assertThat(m.detected()).as(label).isEqualTo(r[1]);
            assertThat(m.rightCategory()).as(label).isEqualTo(r[2]);
            assertThat(m.detectedShare()).as(label).isEqualTo((double) r[1] / r[0]);
            assertThat(m.rightCategoryShare()).as(label).isEqualTo((double) r[2] / r[0]);
            assertThat(m.topPredictedRows()).as(label).isEqualTo(most);
            assertThat(verdicts.get(label).get(m.topPredicted())).as(label).isEqualTo(most);
        }
        // The relabelled normal rows: counted, and shown as missed, taken for normal traffic.
        LabelMetrics warez = evaluation.perLabel().get("warezmaster");
        assertThat(warez.category()).isEqualTo("r2l");
        assertThat(warez.detectedShare()).isLessThan(0.5);
        assertThat(warez.topPredicted()).isEqualTo("normal");
    }

    @Test
    void labelsComeByCategoryThenMostRowsFirst() {
        List<String> order = List.of("dos", "probe", "r2l", "u2r");
        List<LabelMetrics> rows = new ArrayList<>(evaluation.perLabel().values());
        for (int i = 1; i < rows.size(); i++) {
            LabelMetrics prev = rows.get(i - 1);
            LabelMetrics cur = rows.get(i);
            int byCategory = Integer.compare(order.indexOf(prev.category()), order.indexOf(cur.category()));
            assertThat(byCategory).isLessThanOrEqualTo(0);
            if (byCategory == 0) {
                assertThat(prev.rows()).isGreaterThanOrEqualTo(cur.rows());
            }
        }
    }
}

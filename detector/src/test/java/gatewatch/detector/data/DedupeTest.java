package gatewatch.detector.data;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.model.Category;
import gatewatch.features.testing.SharedData;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DedupeTest {
    @Test
    void keepsTheFirstOfEachDistinctRowAndLabel() {
        double[] a = new double[41];
        double[] b = new double[41];
        b[4] = 5;
        LabelledData d = new LabelledData(new double[][] {a, b, a.clone(), a.clone()},
                new String[] {"normal", "normal", "normal", "satan"},
                new Category[] {Category.NORMAL, Category.NORMAL, Category.NORMAL, Category.PROBE}, new int[4]);

        assertThat(Dedupe.firstOccurrences(d)).containsExactly(0, 1, 3);
    }

    @Test
    void theTenPercentSetHas145586DistinctRows() throws IOException {
        var file = SharedData.require("data/kddcup.data_10_percent.gz");
        LabelledData d = new KddLoader(AttackTaxonomy.builtIn(), UnknownSymbolPolicy.FAIL).load(List.of(file)).data();
        assertThat(Dedupe.distinct(d).size()).isEqualTo(145_586);
    }
}

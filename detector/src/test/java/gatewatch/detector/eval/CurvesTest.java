package gatewatch.detector.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CurvesTest {
    @Test
    void aPerfectRankingHasAreaOne() {
        Curves c = Curves.of(new double[] {0.9, 0.8, 0.2, 0.1}, new boolean[] {true, true, false, false});
        assertThat(c.rocAuc()).isEqualTo(1.0);
        assertThat(c.prAuc()).isEqualTo(1.0);
    }

    @Test
    void aReversedRankingHasAreaZeroAndTiesCountHalf() {
        assertThat(Curves.of(new double[] {0.1, 0.9}, new boolean[] {true, false}).rocAuc()).isEqualTo(0.0);
        assertThat(Curves.of(new double[] {0.5, 0.5}, new boolean[] {true, false}).rocAuc()).isEqualTo(0.5);
    }

    @Test
    void matchesAHandComputedExample() {
        // scores: P .9, N .8, P .7, N .6 -> ROC AUC = 3/4; AP = (1 + 2/3) / 2.
        Curves c = Curves.of(new double[] {0.9, 0.8, 0.7, 0.6}, new boolean[] {true, false, true, false});
        assertThat(c.rocAuc()).isCloseTo(0.75, within(1e-12));
        assertThat(c.prAuc()).isCloseTo((1 + 2.0 / 3) / 2, within(1e-12));
    }

    @Test
    void areasAreUndefinedWhenAllRowsAreOfOneClass() {
        Curves c = Curves.of(new double[] {0.9, 0.1}, new boolean[] {false, false});
        assertThat(c.rocAuc()).isNaN();
        assertThat(c.prAuc()).isNaN();
    }
}

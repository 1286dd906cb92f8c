package gatewatch.detector.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CostMatrixTest {
    @Test
    void holdsTheKddCupMatrix() {
        assertThat(CostMatrix.cost(Category.R2L, Category.NORMAL)).isEqualTo(4);
        assertThat(CostMatrix.cost(Category.U2R, Category.NORMAL)).isEqualTo(3);
        assertThat(CostMatrix.cost(Category.NORMAL, Category.PROBE)).isEqualTo(1);
        assertThat(CostMatrix.cost(Category.DOS, Category.PROBE)).isEqualTo(1);
        assertThat(CostMatrix.cost(Category.NORMAL, Category.DOS)).isEqualTo(2);
        for (int c = 0; c < 5; c++) {
            assertThat(CostMatrix.cost(c, c)).isZero();
        }
    }

    @Test
    void aLikelyR2lIsCalledAnAttackBeforeItIsTheMostProbableClass() {
        // normal 0.6, r2l 0.4: normal costs 0.4*4 = 1.6, r2l costs 0.6*2 = 1.2.
        assertThat(CostMatrix.leastExpectedCost(new double[] {0.6, 0, 0, 0.4, 0}, 0)).isEqualTo(Category.R2L.ordinal());
        // normal 0.8, r2l 0.2: normal costs 0.8, r2l 1.6.
        assertThat(CostMatrix.leastExpectedCost(new double[] {0.8, 0, 0, 0.2, 0}, 0)).isEqualTo(Category.NORMAL.ordinal());
        assertThat(CostMatrix.leastExpectedCost(new double[] {0, 0, 0, 0, 0, 0.1, 0.9, 0, 0, 0}, 5)).isEqualTo(Category.DOS.ordinal());
    }
}

package gatewatch.features.window;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.kdd.KddCsv;
import gatewatch.features.kdd.KddFeature;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class KddRateTest {

    @Test
    void equalsPrintfOfTheFloatQuotientForEveryRateUpTo511() {
        for (int n = 1; n <= 511; n++) {
            for (int k = 0; k <= n; k++) {
                float q = (float) k / (float) n;
                // printf("%.2f", q): the float's exact binary value, rounded half to even.
                double printf = new BigDecimal(q).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
                assertThat(KddRate.of(k, n)).as("%d/%d", k, n).isEqualTo(printf);
            }
        }
    }

    @Test
    void tiesAndNearTiesComeOutAsInTheFiles() {
        // 1/8 is an exact tie (to even: 0.12); 1/40 as a float lies above 0.025.
        assertThat(KddRate.of(1, 8)).isEqualTo(0.12);
        assertThat(KddRate.of(3, 8)).isEqualTo(0.38);
        assertThat(KddRate.of(1, 40)).isEqualTo(0.03);
        // 3/40 as a float lies above 0.075, as a double below it: single precision gives 0.08.
        assertThat(KddRate.of(3, 40)).isEqualTo(0.08);
        assertThat(String.format(java.util.Locale.ROOT, "%.2f", new BigDecimal(3.0 / 40).setScale(2, RoundingMode.HALF_EVEN)))
                .isEqualTo("0.07");
    }

    @Test
    void isTheValueTheFileTextParsesToAndWritesBackTheSame() {
        for (int n = 1; n <= 300; n++) {
            for (int k = 0; k <= n; k++) {
                double r = KddRate.of(k, n);
                StringBuilder sb = new StringBuilder();
                KddCsv.appendValue(KddFeature.SERROR_RATE, r, sb);
                assertThat(Double.parseDouble(sb.toString())).isEqualTo(r);
            }
        }
    }

    @Test
    void emptyDenominatorIsZero() {
        assertThat(KddRate.of(0, 0)).isZero();
    }
}

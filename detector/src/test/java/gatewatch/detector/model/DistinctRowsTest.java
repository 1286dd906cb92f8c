package gatewatch.detector.model;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.encode.DetectorRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The distinct rows of chunks against a plain list search, bit for bit. */
class DistinctRowsTest {
    private static final int F = DetectorRow.WIDTH;

    @Test
    void eachRowMapsToTheFirstEqualRowAndTheDistinctRowsKeepTheirFirstAppearanceOrder() {
        int chunk = 64;
        DistinctRows distinct = new DistinctRows(chunk);
        SplittableRandom r = new SplittableRandom(3);
        double[] raw = new double[chunk * F];
        double[] unique = new double[chunk * F];
        for (int round = 0; round < 500; round++) {
            int m = 1 + r.nextInt(chunk);
            int kinds = 1 + r.nextInt(m);
            for (int i = 0; i < m; i++) {
                int kind = r.nextInt(kinds);
                for (int f = 0; f < F; f++) {
                    // 0.0 and -0.0 differ bit for bit, so they are different rows.
                    raw[i * F + f] = f == 7 && kind % 2 == 1 ? -0.0 : (f % 5 == 0 ? kind / 2 : 0.0);
                }
            }
            int u = distinct.find(raw, m, null, unique);
            List<double[]> expected = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                double[] row = Arrays.copyOfRange(raw, i * F, (i + 1) * F);
                int at = -1;
                for (int j = 0; j < expected.size() && at < 0; j++) {
                    if (Arrays.equals(expected.get(j), row)) {
                        at = j;
                    }
                }
                if (at < 0) {
                    at = expected.size();
                    expected.add(row);
                }
                assertThat(distinct.of(i)).as("round %d, row %d", round, i).isEqualTo(at);
            }
            assertThat(u).isEqualTo(expected.size());
            for (int j = 0; j < u; j++) {
                assertThat(Arrays.copyOfRange(unique, j * F, (j + 1) * F)).isEqualTo(expected.get(j));
            }
        }
    }
}

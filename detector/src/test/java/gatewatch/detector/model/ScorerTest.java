package gatewatch.detector.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.detector.data.LabelledData;
import gatewatch.detector.testing.Fixtures;
import gatewatch.features.kdd.KddRecord;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The per-thread scorer and its memo of recent rows: same verdicts as {@link Ensemble#score}, less work. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorerTest {
    private Ensemble ensemble;
    private LabelledData rows;

    @BeforeAll
    void train() {
        ensemble = Fixtures.syntheticModel().ensemble();
        rows = Fixtures.synthetic(400, 7);
    }

    /** {@code n} records drawn with repeats from the first {@code distinct} rows, in runs like a flood's. */
    private KddRecord[] stream(int n, int distinct, long seed) {
        Random rnd = new Random(seed);
        KddRecord[] out = new KddRecord[n];
        int i = 0;
        while (i < n) {
            KddRecord r = KddRecord.of(rows.features()[rnd.nextInt(distinct)]);
            for (int run = 1 + rnd.nextInt(20); run > 0 && i < n; run--) {
                out[i++] = r;
            }
        }
        return out;
    }

    @Test
    void verdictsAreThoseOfSingleRowScoringForEveryBatchSize() {
        KddRecord[] in = stream(3_000, 300, 1);
        for (int batch : new int[] {1, 7, 64, 256, 3_000}) {
            BatchScorer scorer = ensemble.scorer();
            Verdict[] out = new Verdict[batch];
            for (int start = 0; start < in.length; start += batch) {
                int n = Math.min(batch, in.length - start);
                scorer.scoreBatch(java.util.Arrays.copyOfRange(in, start, start + n), n, out);
                for (int i = 0; i < n; i++) {
                    assertThat(out[i]).as("row %d, batches of %d", start + i, batch).isEqualTo(ensemble.score(in[start + i]));
                }
            }
            assertThat(scorer.rows()).isEqualTo(in.length);
            // Runs of repeats split across batches and rows seen in earlier batches come from the memo.
            assertThat(scorer.memoHits()).as("memo hits, batches of %d", batch).isPositive().isLessThan(in.length);
        }
    }

    @Test
    void aSecondPassOverFewDistinctRowsIsAnsweredByTheMemo() {
        KddRecord[] in = stream(2_000, 40, 2);
        BatchScorer scorer = ensemble.scorer();
        Verdict[] first = new Verdict[in.length];
        scorer.scoreBatch(in, in.length, first);
        long hitsBefore = scorer.memoHits();
        Verdict[] second = new Verdict[in.length];
        scorer.scoreBatch(in, in.length, second);

        // 40 distinct rows in 1,024 direct-mapped slots: at most a few share a slot.
        assertThat(scorer.memoHits() - hitsBefore).isGreaterThan(in.length * 8L / 10);
        assertThat(second).containsExactly(first);
    }

    @Test
    void aRowDifferingInOneValueIsNotAnsweredByTheMemo() {
        double[] a = rows.features()[0].clone();
        double[] b = a.clone();
        b[40] = Math.nextUp(b[40]);
        double[] c = a.clone();
        c[0] = a[0] == 0.0 ? -0.0 : -a[0]; // also differs bit for bit when the value is zero
        BatchScorer scorer = ensemble.scorer();
        Verdict[] out = new Verdict[1];

        scorer.scoreBatch(new KddRecord[] {KddRecord.of(a)}, 1, out);
        scorer.scoreBatch(new KddRecord[] {KddRecord.of(b)}, 1, out);
        scorer.scoreBatch(new KddRecord[] {KddRecord.of(c)}, 1, out);
        assertThat(scorer.memoHits()).isZero();

        scorer.scoreBatch(new KddRecord[] {KddRecord.of(a)}, 1, out);
        assertThat(scorer.memoHits()).isEqualTo(1);
        assertThat(out[0]).isEqualTo(ensemble.score(KddRecord.of(a)));
    }

    @Test
    void withoutAMemoEveryRowIsScored() {
        KddRecord[] in = stream(500, 20, 3);
        BatchScorer scorer = ensemble.scorer(0);
        Verdict[] out = new Verdict[in.length];
        scorer.scoreBatch(in, in.length, out);
        scorer.scoreBatch(in, in.length, out);
        assertThat(scorer.memoHits()).isZero();
        for (int i = 0; i < in.length; i++) {
            assertThat(out[i]).isEqualTo(ensemble.score(in[i]));
        }
    }

    @Test
    void aMemoSizeThatIsNotAPowerOfTwoIsRefused() {
        assertThatThrownBy(() -> ensemble.scorer(1000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two");
        assertThatThrownBy(() -> ensemble.scorer(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}

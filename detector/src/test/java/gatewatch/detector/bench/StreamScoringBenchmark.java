package gatewatch.detector.bench;

import gatewatch.detector.model.BatchScorer;
import gatewatch.detector.model.Ensemble;
import gatewatch.detector.model.Verdict;
import gatewatch.features.kdd.KddRecord;
import gatewatch.features.testing.SharedData;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scoring as the pipeline's detector stage does it: one {@link BatchScorer}, batches of
 * {@value #BATCH} consecutive records of all of {@code corrected} in file order (311,029 rows;
 * the cursor wraps at the end, long after the memo has forgotten the first rows). {@code memo}
 * 0 runs every row through the models (repeats inside a 64-row chunk still share the work);
 * {@code memo} 1024 is the detector stage's setting. {@code model}: {@code bench} is the bundled
 * configuration retrained on the 10 % set ({@link BenchModels}), {@code bundled} the model file
 * shipped in the jar. ops/s = verdicts/s on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class StreamScoringBenchmark {
    static final int BATCH = 256;

    @Param({"0", "1024"})
    public int memo;

    @Param({"bench", "bundled"})
    public String model;

    private KddRecord[] records;
    private BatchScorer scorer;
    private final Verdict[] out = new Verdict[BATCH];
    private final KddRecord[] batch = new KddRecord[BATCH];
    private int cursor;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        double[][] rows = BenchModels.loader().load(List.of(SharedData.root().resolve("data/corrected.gz"))).data()
                .features();
        records = new KddRecord[rows.length];
        for (int i = 0; i < rows.length; i++) {
            records[i] = KddRecord.of(rows[i]);
        }
        Ensemble ensemble = model.equals("bundled") ? Ensemble.loadDefault() : BenchModels.get().ensemble();
        scorer = ensemble.scorer(memo);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void scorerInFileOrder(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            batch[i] = records[cursor];
            cursor = cursor + 1 == records.length ? 0 : cursor + 1;
        }
        scorer.scoreBatch(batch, BATCH, out);
        bh.consume(out);
    }

    @TearDown(Level.Trial)
    public void report() {
        System.out.printf("%n  memo %d: %,d rows scored, %,d from the memo (%.1f %%)%n", memo, scorer.rows(),
                scorer.memoHits(), 100.0 * scorer.memoHits() / Math.max(1, scorer.rows()));
    }
}

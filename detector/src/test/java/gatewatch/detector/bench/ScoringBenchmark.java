package gatewatch.detector.bench;

import gatewatch.detector.encode.DetectorRow;
import gatewatch.detector.model.Verdict;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddRecord;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.type.StructType;

/**
 * Scoring speed of the whole ensemble (label forest + category boost + isolation forest):
 * Smile's own {@code predict}/{@code score} against the compiled ensemble (encoding, the three
 * models, combiner, verdict and reasons), single rows and batches of {@value #BATCH}, on a pool
 * of rows of {@code corrected} (see {@link #rows}). All figures are per row (ops/s = verdicts/s on one thread).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Djava.util.concurrent.ForkJoinPool.common.parallelism=1"})
public class ScoringBenchmark {
    static final int POOL = 4096;
    static final int BATCH = 256;
    private static final int F = DetectorRow.WIDTH;

    /**
     * {@code mix}: rows spread over corrected as they come, repeats included (a flood repeats
     * records, and batch scoring scores a repeated row once); {@code distinct}: no two rows of
     * the pool are equal, the worst case for batch scoring.
     */
    @Param({"mix", "distinct"})
    public String rows;

    private BenchModels models;
    private KddRecord[] records;
    private double[] raw;
    private double[][] encoded;
    private Tuple[] tuples;
    private DataFrame[] frames;
    private KddRecord[][] recordBatches;
    private double[][] rawBatches;
    private double[][][] encodedBatches;
    private Verdict[] out;
    private double[] rfPost;
    private double[] gbtPost;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        models = BenchModels.get();
        double[][] rows = this.rows.equals("distinct") ? BenchModels.distinctTestRows(POOL) : BenchModels.testRows(POOL);
        records = new KddRecord[POOL];
        raw = new double[POOL * F];
        encoded = new double[POOL][];
        tuples = new Tuple[POOL];
        String[] columns = java.util.Arrays.stream(KddFeature.values()).map(KddFeature::kddName).toArray(String[]::new);
        StructType schema = DataFrame.of(new double[][] {rows[0]}, columns).schema();
        for (int i = 0; i < POOL; i++) {
            records[i] = KddRecord.of(rows[i]);
            DetectorRow.copy(rows[i], raw, i * F);
            encoded[i] = models.ensemble().payload().encoder().encode(rows[i]);
            tuples[i] = Tuple.of(schema, encoded[i]);
        }
        frames = new DataFrame[POOL / BATCH];
        for (int b = 0; b < frames.length; b++) {
            frames[b] = DataFrame.of(java.util.Arrays.copyOfRange(encoded, b * BATCH, (b + 1) * BATCH), columns);
        }
        int batches = POOL / BATCH;
        recordBatches = new KddRecord[batches][];
        rawBatches = new double[batches][];
        encodedBatches = new double[batches][][];
        for (int b = 0; b < batches; b++) {
            recordBatches[b] = java.util.Arrays.copyOfRange(records, b * BATCH, (b + 1) * BATCH);
            rawBatches[b] = java.util.Arrays.copyOfRange(raw, b * BATCH * F, (b + 1) * BATCH * F);
            encodedBatches[b] = java.util.Arrays.copyOfRange(encoded, b * BATCH, (b + 1) * BATCH);
        }
        out = new Verdict[BATCH];
        rfPost = new double[models.ensemble().payload().labelForest().classes()];
        gbtPost = new double[5];
    }

    @Benchmark
    public void smileSingle(Blackhole bh) {
        int i = next++ & (POOL - 1);
        bh.consume(models.forest().predict(tuples[i], rfPost));
        bh.consume(models.boost().predict(tuples[i], gbtPost));
        bh.consume(models.baseline().score(encoded[i]));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void smileBatch(Blackhole bh) {
        int b = next++ % frames.length;
        bh.consume(models.forest().predict(frames[b]));
        bh.consume(models.boost().predict(frames[b]));
        bh.consume(models.baseline().score(encodedBatches[b]));
    }

    @Benchmark
    public Verdict compiledSingle() {
        return models.ensemble().score(records[next++ & (POOL - 1)]);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void compiledBatchRecords(Blackhole bh) {
        int b = next++ % (POOL / BATCH);
        models.ensemble().scoreBatch(recordBatches[b], BATCH, out);
        bh.consume(out);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void compiledBatchPrimitive(Blackhole bh) {
        int b = next++ % (POOL / BATCH);
        models.ensemble().scoreBatch(rawBatches[b], BATCH, out);
        bh.consume(out);
    }
}

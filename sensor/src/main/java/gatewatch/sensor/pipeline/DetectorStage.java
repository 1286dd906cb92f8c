package gatewatch.sensor.pipeline;

import gatewatch.detector.model.BatchScorer;
import gatewatch.detector.model.Ensemble;
import gatewatch.detector.model.Verdict;
import gatewatch.features.extract.ConnectionRecord;
import java.util.function.Supplier;

/**
 * The detector thread: takes connection records in batches from the capture stage, scores each
 * batch with the ensemble and passes the verdicts on to the sinks. Its {@link BatchScorer}
 * remembers recent verdicts, so a flood's repeated records cost a lookup, not a model run.
 */
public final class DetectorStage implements Runnable {
    private final StageQueue<ConnectionRecord> in;
    private final StageQueue<Scored> out;
    private final Supplier<Ensemble> ensemble;
    /** Made from the model when the thread starts; the detector thread's own. */
    private BatchScorer scorer;
    private final LatencyRecorder latency;
    private final int batchSize;
    private final ConnectionRecord[] records;
    private final Verdict[] verdicts;
    private final IdleStrategy idle = new IdleStrategy();
    private int filled;
    private volatile long scored;
    private volatile long memoHits;

    /** {@code ensemble} is asked for the model by the detector thread, when it starts (it may still be loading). */
    public DetectorStage(StageQueue<ConnectionRecord> in, StageQueue<Scored> out, Supplier<Ensemble> ensemble, int batchSize,
            LatencyRecorder latency) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("detector batch size must be positive, got " + batchSize);
        }
        this.in = in;
        this.out = out;
        this.ensemble = ensemble;
        this.batchSize = batchSize;
        this.latency = latency;
        this.records = new ConnectionRecord[batchSize];
        this.verdicts = new Verdict[batchSize];
    }

    @Override
    public void run() {
        try {
            scorer = ensemble.get().scorer();
            while (true) {
                filled = 0;
                int n = in.drain(this::add, batchSize);
                if (n > 0) {
                    score(n);
                } else if (in.isFinished()) {
                    // A last look: items put just before the close.
                    if (in.drain(this::add, batchSize) == 0) {
                        break;
                    }
                    score(filled);
                }
                idle.idle(n);
            }
        } finally {
            out.close();
        }
    }

    private void add(ConnectionRecord r) {
        records[filled] = r;
        filled++;
    }

    private void score(int n) {
        long start = System.nanoTime();
        scorer.scoreBatch(records, n, verdicts);
        latency.batch(System.nanoTime() - start, n);
        for (int i = 0; i < n; i++) {
            out.put(new Scored(records[i], verdicts[i]));
            records[i] = null;
            verdicts[i] = null;
        }
        scored += n;
        memoHits = scorer.memoHits();
    }

    /** Verdicts made so far. */
    public long scored() {
        return scored;
    }

    /** Verdicts taken from the scorer's memo of recent rows (a subset of {@link #scored()}). */
    public long memoHits() {
        return memoHits;
    }
}

package gatewatch.detector.model;

import gatewatch.detector.encode.DetectorRow;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.features.kdd.KddRecord;
import java.util.Arrays;

/**
 * Scores batches of connections for one thread (the pipeline's detector stage, one call of the
 * scoring API, an evaluation) through each model's fast layout: the label forest eight rows at a
 * time ({@link ForestScorer#predictBatch}), the category boost the QuickScorer way
 * ({@link QuickScorer}), the isolation forest as complete trees ({@link IsolationLevels}); a
 * model whose trees a fast layout declines is walked the reference way. The verdicts are those
 * of {@link Ensemble#score}, which walks every model the reference way; only the work differs:
 * rows go through the models in chunks of {@value #CHUNK}, repeats in a chunk are scored once
 * ({@link DistinctRows}), and with a memo a row seen recently is not scored again
 * ({@link VerdictMemo}).
 *
 * <p>Not thread-safe: one per thread. Its scratch arrays are made once, so scoring allocates
 * only the verdicts.
 */
public final class BatchScorer {
    /** Rows that go through the models together. */
    static final int CHUNK = 64;
    private static final int F = DetectorRow.WIDTH;
    private static final int C = Category.KDD_COUNT;

    private final ModelPayload model;
    /** The boost's trees in QuickScorer form; null when they are too big for it. */
    private final QuickScorer boostQuick;
    /** The baseline's complete-tree layout; null when its trees are too deep for it. */
    private final IsolationLevels baselineLevels;
    private final Combiner combiner;
    private final VerdictMemo memo;
    private final DistinctRows distinct;
    private final int chunk;
    private final int labels;

    /** The chunk's rows (misses of the memo only), their hashes and where each goes in the output. */
    private final double[] raw;
    private final long[] rowHash;
    private final int[] missAt;
    /** The chunk's distinct rows and, per distinct row, the models' outputs and the verdict. */
    private final double[] unique;
    private final double[] enc;
    private final double[] pl;
    private final double[] pb;
    private final double[] iso;
    private final double[] p;
    private final Verdict[] verdicts;
    /** Walk scratch: leaf per row (forest), leaf and mask word per tree (boost), transposed rows (baseline). */
    private final int[] leafOfRow;
    private final int[] leafOfTree;
    private final long[] words;
    private final RowGroups groups;
    private long rows;

    /**
     * A scorer of {@code model} with its fast layouts (either may be null), its combiner and a
     * memo; {@code chunkRows} (at most {@value #CHUNK}) bounds the rows that go through the models
     * together, so that a scorer for a few rows makes small scratch.
     */
    BatchScorer(ModelPayload model, QuickScorer boostQuick, IsolationLevels baselineLevels, Combiner combiner,
            VerdictMemo memo, int chunkRows) {
        this.model = model;
        this.boostQuick = boostQuick;
        this.baselineLevels = baselineLevels;
        this.combiner = combiner;
        this.memo = memo;
        this.chunk = Math.max(1, Math.min(CHUNK, chunkRows));
        this.labels = combiner.labels();
        int r = chunk;
        distinct = new DistinctRows(r);
        raw = new double[r * F];
        rowHash = new long[r];
        missAt = new int[r];
        unique = new double[r * F];
        enc = new double[r * F];
        pl = new double[r * labels];
        pb = new double[r * C];
        iso = new double[(r + RowGroups.LANES - 1) & -RowGroups.LANES];
        p = new double[r * C];
        verdicts = new Verdict[r];
        leafOfRow = new int[r];
        int boostTrees = model.categoryBoost().trees().treeCount();
        leafOfTree = new int[boostTrees];
        words = new long[boostTrees];
        groups = baselineLevels != null ? new RowGroups(r) : null;
    }

    /**
     * Scores {@code batch[0..n)} into {@code out[0..n)}: records without their connection, so
     * their extended features are not recorded (as a KDD'99 row's).
     */
    public void scoreBatch(KddRecord[] batch, int n, Verdict[] out) {
        int i = 0;
        while (i < n) {
            int m = 0;
            while (i < n && m < chunk) {
                DetectorRow.fill(batch[i], null, raw, m * F);
                m = admit(i++, m, out);
            }
            settle(m, out);
        }
        rows += n;
    }

    /** Scores the connections {@code batch[0..n)}, with their extended features, into {@code out[0..n)}. */
    public void scoreBatch(ConnectionRecord[] batch, int n, Verdict[] out) {
        int i = 0;
        while (i < n) {
            int m = 0;
            while (i < n && m < chunk) {
                DetectorRow.fill(batch[i].features(), batch[i].conn(), raw, m * F);
                m = admit(i++, m, out);
            }
            settle(m, out);
        }
        rows += n;
    }

    /**
     * Scores {@code n} raw rows ({@link DetectorRow}), row-major ({@code rawRows[i * WIDTH + column]}),
     * into {@code out[0..n)}; saves the copy out of {@link KddRecord}s.
     */
    public void scoreBatch(double[] rawRows, int n, Verdict[] out) {
        int i = 0;
        while (i < n) {
            int m = 0;
            while (i < n && m < chunk) {
                System.arraycopy(rawRows, i * F, raw, m * F, F);
                m = admit(i++, m, out);
            }
            settle(m, out);
        }
        rows += n;
    }

    /** Verdicts plus what evaluation needs, for raw rows of 41 or {@link DetectorRow#WIDTH} values (the memo is not used). */
    Assessment[] assess(double[][] rawRows) {
        Assessment[] out = new Assessment[rawRows.length];
        for (int start = 0; start < rawRows.length; start += chunk) {
            int m = Math.min(chunk, rawRows.length - start);
            for (int i = 0; i < m; i++) {
                DetectorRow.copy(rawRows[start + i], raw, i * F);
            }
            run(m, false);
            for (int i = 0; i < m; i++) {
                Verdict v = verdict(i);
                int po = distinct.of(i) * C;
                out[start + i] = new Assessment(v, Combiner.counted(v, p, po), 1.0 - p[po]);
            }
        }
        return out;
    }

    /** Rows scored so far. */
    public long rows() {
        return rows;
    }

    /** Rows whose verdict came from the memo. */
    public long memoHits() {
        return memo.hits();
    }

    /**
     * Row {@code m} of the chunk, input row {@code i}: answered from the memo (returns {@code m},
     * the slot is free again) or kept for the models (returns {@code m + 1}).
     */
    private int admit(int i, int m, Verdict[] out) {
        if (memo.enabled()) {
            long h = RowKeys.hash(raw, m * F);
            rowHash[m] = h;
            Verdict v = memo.recall(raw, m * F, h);
            if (v != null) {
                out[i] = v;
                return m;
            }
        }
        missAt[m] = i;
        return m + 1;
    }

    /** Scores the chunk's {@code m} kept rows into their places in {@code out} and the memo. */
    private void settle(int m, Verdict[] out) {
        if (m == 0) {
            return;
        }
        // With a memo, admit() has hashed every row the models now run on.
        run(m, memo.enabled());
        for (int j = 0; j < m; j++) {
            Verdict v = verdict(j);
            out[missAt[j]] = v;
            memo.remember(raw, j * F, rowHash[j], v);
        }
    }

    /**
     * Runs the three models and the combiner's posterior over the distinct rows among the
     * {@code m} rows in {@link #raw}; {@code hashed}: {@link #rowHash} holds their hashes.
     */
    private void run(int m, boolean hashed) {
        int u = distinct.find(raw, m, hashed ? rowHash : null, unique);
        Arrays.fill(verdicts, 0, u, null);
        for (int j = 0; j < u; j++) {
            model.encoder().encode(unique, j * F, enc, j * F);
        }
        model.labelForest().predictBatch(enc, u, pl, leafOfRow);
        BoostScorer boost = model.categoryBoost();
        for (int j = 0; j < u; j++) {
            if (boostQuick != null) {
                boost.predict(boostQuick, enc, j * F, pb, j * C, leafOfTree, words);
            } else {
                boost.predictInto(enc, j * F, pb, j * C);
            }
        }
        if (baselineLevels != null) {
            groups.fill(enc, u);
            baselineLevels.scoreBatch(groups, iso);
        } else {
            for (int j = 0; j < u; j++) {
                iso[j] = model.baseline().score(enc, j * F);
            }
        }
        for (int j = 0; j < u; j++) {
            combiner.combine(pl, j * labels, pb, j * C, p, j * C);
        }
    }

    /** The verdict of row {@code i} of the last {@link #run}, decided once per distinct row. */
    private Verdict verdict(int i) {
        int j = distinct.of(i);
        Verdict v = verdicts[j];
        if (v == null) {
            v = combiner.decide(unique, j * F, enc, j * F, pl, j * labels, p, j * C, iso[j]);
            verdicts[j] = v;
        }
        return v;
    }
}

package gatewatch.detector.model;

import gatewatch.detector.encode.DetectorRow;
import gatewatch.detector.io.ModelFile;
import gatewatch.detector.io.ModelHeader;
import gatewatch.features.kdd.KddRecord;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The trained detector: encoder, label forest, category boost and isolation-forest baseline
 * (compiled to flat arrays, {@link ModelPayload}), and the {@link Combiner} that turns their
 * outputs into a {@link Verdict} (its Javadoc gives the rules).
 *
 * <p>Each model has one reference walk, which {@link #score} uses, and at most one fast layout,
 * which a {@link BatchScorer} uses and which is derived here at load, never stored: the boost's
 * trees in {@link QuickScorer} form and the baseline's as complete trees ({@link IsolationLevels});
 * the forest's batch walk needs no layout of its own. Both paths give the same verdicts, bit for
 * bit.
 *
 * <p>Immutable and thread-safe. A thread that scores batch after batch (the pipeline's detector
 * stage) takes its own {@link #scorer()}; {@link #scoreBatch} and {@link #assess} make one per
 * call, so any number of threads may call them at once.
 */
public final class Ensemble {
    /** Memo size of {@link #scorer()}: 1,024 rows of 49 values, 392 KiB, within a core's L2. */
    public static final int DEFAULT_MEMO_ROWS = 1024;
    private static final int F = DetectorRow.WIDTH;
    private static final int C = Category.KDD_COUNT;

    private final ModelHeader header;
    private final ModelPayload model;
    private final SiteBaseline site;
    private final Combiner combiner;
    private final QuickScorer boostQuick;
    private final IsolationLevels baselineLevels;

    private Ensemble(ModelHeader header, ModelPayload model, SiteBaseline site) {
        this.header = header;
        this.model = model;
        this.site = site;
        this.combiner = new Combiner(model, site);
        this.boostQuick = QuickScorer.of(model.categoryBoost().trees());
        this.baselineLevels = IsolationLevels.of(model.baseline());
    }

    /** An ensemble of a header and a payload (as the trainer builds them, or a reader loads them). */
    public static Ensemble of(ModelHeader header, ModelPayload model) {
        return new Ensemble(header, model, null);
    }

    /**
     * This model with a site baseline learned over its encoding (see {@link Combiner}'s site rule).
     *
     * @throws IllegalArgumentException when the baseline was learned for another model
     */
    public Ensemble withSite(SiteBaseline baseline) {
        if (!baseline.modelVersion().equals(modelVersion())) {
            throw new IllegalArgumentException("the site baseline was learned with model " + baseline.modelVersion()
                    + ", this is model " + modelVersion() + "; run 'gatewatch learn' again with this model");
        }
        return new Ensemble(header, model, baseline);
    }

    /** The site baseline, or null. */
    public SiteBaseline site() {
        return site;
    }

    /** The model bundled with gatewatch. */
    public static Ensemble loadDefault() {
        try {
            return ModelFile.readDefault();
        } catch (IOException e) {
            throw new IllegalStateException("the bundled model cannot be read: " + e.getMessage(), e);
        }
    }

    /** A model file, read through the model-file class filter. */
    public static Ensemble load(Path file) throws IOException {
        return ModelFile.read(file);
    }

    public String modelVersion() {
        return header.modelVersion();
    }

    public ModelHeader header() {
        return header;
    }

    public ModelPayload payload() {
        return model;
    }

    /**
     * Scores one record without its connection (extended features not recorded), walking every
     * model's trees the reference way (one tree, one row at a time).
     */
    public Verdict score(KddRecord r) {
        return score(DetectorRow.of(r, null));
    }

    /** Scores one raw row of 41 or {@link DetectorRow#WIDTH} values, the reference way. */
    public Verdict score(double[] row) {
        double[] raw = DetectorRow.widen(row);
        double[] enc = new double[F];
        model.encoder().encode(raw, 0, enc, 0);
        double[] pl = new double[combiner.labels()];
        double[] pb = new double[C];
        double[] p = new double[C];
        model.labelForest().predict(enc, 0, pl);
        model.categoryBoost().predict(enc, 0, pb);
        double iso = model.baseline().score(enc, 0);
        combiner.combine(pl, 0, pb, 0, p, 0);
        return combiner.decide(raw, 0, enc, 0, pl, 0, p, 0, iso);
    }

    /** Scores {@code batch[0..n)} into {@code out[0..n)} (a {@link BatchScorer} of this call, without memo). */
    public void scoreBatch(KddRecord[] batch, int n, Verdict[] out) {
        scorer(0, n).scoreBatch(batch, n, out);
    }

    /**
     * Scores {@code n} raw rows ({@link DetectorRow}), row-major ({@code raw[i * WIDTH + column]}),
     * into {@code out[0..n)}; saves the copy out of {@link KddRecord}s.
     */
    public void scoreBatch(double[] raw, int n, Verdict[] out) {
        scorer(0, n).scoreBatch(raw, n, out);
    }

    /** Verdicts plus what evaluation needs, for raw rows of 41 or {@link DetectorRow#WIDTH} values. */
    public Assessment[] assess(double[][] rows) {
        return scorer(0, rows.length).assess(rows);
    }

    /** A {@link BatchScorer} for one thread with a memo of {@link #DEFAULT_MEMO_ROWS} rows. */
    public BatchScorer scorer() {
        return scorer(DEFAULT_MEMO_ROWS);
    }

    /**
     * A {@link BatchScorer} for one thread that remembers the verdicts of the last distinct rows
     * it scored, {@code memoRows} of them (a power of two; 0 for no memo).
     */
    public BatchScorer scorer(int memoRows) {
        return scorer(memoRows, BatchScorer.CHUNK);
    }

    private BatchScorer scorer(int memoRows, int rows) {
        return new BatchScorer(model, boostQuick, baselineLevels, combiner, new VerdictMemo(memoRows), rows);
    }
}

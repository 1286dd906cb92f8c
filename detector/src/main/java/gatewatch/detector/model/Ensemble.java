package gatewatch.detector.model;

import gatewatch.detector.io.ModelFile;
import gatewatch.detector.io.ModelHeader;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The trained detector: encoder, supervised trees and the normal-traffic baseline, compiled to
 * flat arrays, and the combiner that turns their outputs into a {@link Verdict}.
 *
 * <h2>Combiner</h2>
 * <ol>
 *   <li>The label forest gives posteriors over attack labels; summed per category they give
 *   {@code pF}. The category boost gives {@code pB}. The category posterior is
 *   {@code p = w * pF + (1 - w) * pB} with {@code w = forestWeight}.</li>
 *   <li>The category is the one with the least expected KDD cost under {@code p}
 *   ({@link CostMatrix#leastExpectedCost}); with cost-sensitivity off, the most probable.</li>
 *   <li>An attack category whose combined attack posterior {@code 1 - p[normal]} is below the
 *   model's alert floor becomes {@code normal}, unless the connection carries
 *   {@link AttackEvidence} (failed logins, wrong fragments, land, a window of failed
 *   connections): the cost matrix makes a close call an attack, which on KDD'99 is right, but on
 *   today's traffic most close calls without such evidence are normal connections of a kind the
 *   training data held few of (the floor is chosen by cross-validation that holds out whole lab
 *   scenarios and captures, detector/RESULTS.md).</li>
 *   <li>So does an attack whose most probable label of that category is one the training data
 *   showed only in volume (a flood), when the connection's 2-second window shows no volume and it
 *   carries no {@link AttackEvidence} ({@link VolumeEvidence}): one echo reply is not a smurf.</li>
 *   <li>If that is {@code normal} but the baseline's anomaly score exceeds the threshold stored in
 *   the model, the verdict is {@link Category#ANOMALY}: no attack class explains the connection,
 *   yet it is unlike the normal training traffic. An attack verdict is never downgraded.</li>
 *   <li>Label: for an attack, the most probable label of that category; {@code normal} or
 *   {@code anomaly} otherwise. Confidence: {@code p[category]}; for an anomaly
 *   {@code (score - threshold) / (1 - threshold)}.</li>
 *   <li>Reasons: see {@link ReasonFinder}; empty for normal verdicts.</li>
 * </ol>
 *
 * <h2>With a site baseline</h2>
 * An ensemble {@link #withSite with} a {@link SiteBaseline} ({@code gatewatch learn}) also asks
 * whether a connection is typical of the site's own traffic, for alert candidates only:
 * <ul>
 *   <li>an anomaly needs to be unlike both KDD's normal traffic and the site's;</li>
 *   <li>an attack verdict on a connection typical of the site becomes {@code normal}: the site
 *   does this all the time (TLS on 443, SSH to its own servers), and KDD's classes, which never
 *   saw such traffic in normal use, are not evidence against it. A flood, a scan or a sweep is
 *   not typical of any site: volume and error evidence beyond what the site showed for the
 *   connection's protocol and service is never cleared ({@link SiteScopes}), and neither is a
 *   verdict of a label seen only in volume whose window shows that volume, nor a {@code dos}
 *   verdict whose window shows the model's volume ({@link VolumeEvidence}), whatever bursts the
 *   site had.</li>
 * </ul>
 *
 * <p>Thread-safe, and the model it holds is immutable: every call works on scratch arrays no
 * other call is using (the one kept from an earlier call when it is free, else new ones), so one
 * instance can serve any number of threads. A thread that scores batch after batch takes a
 * {@link Scorer}, which keeps its scratch and a memo of recent verdicts.
 */
public final class Ensemble {
    private static final int F = KddFeature.COUNT_OF_FEATURES;
    private static final int C = Category.KDD_COUNT;

    private final ModelHeader header;
    private final ModelPayload model;
    private final ReasonFinder reasonFinder;
    private final int labels;
    private final int[] labelCategory;
    private final String[] labelNames;
    private final int[] labelVolume;
    private final int volumeMinimum;
    private final SiteBaseline site;
    /** The baseline's batch layout, derived at load (never stored); null when its trees are too deep for it. */
    private final IsolationLevels baselineLevels;
    /** The category boost's trees in QuickScorer form, derived at load; null when they are too big for it. */
    private final QuickScorer boostQuick;
    /**
     * One scratch kept for the next single-row call and one for the next batch call: a caller
     * scoring call after call would otherwise allocate it every time (about 2 KiB a row, 150 KiB
     * a batch; JMH single rows 426-462 k/s with the allocation, 475-506 k without). A call takes
     * it with an atomic swap and puts it back when done; a call that finds it taken, by another
     * thread, makes its own.
     */
    private final AtomicReference<Work> spareRow = new AtomicReference<>();
    private final AtomicReference<Scorer> spareBatch = new AtomicReference<>();

    private Ensemble(ModelHeader header, ModelPayload model, SiteBaseline site) {
        this.header = header;
        this.model = model;
        this.site = site;
        this.reasonFinder = new ReasonFinder(model.importance(), model.normalCenter(), model.normalScale());
        this.labels = model.labelForest().classes();
        this.labelCategory = model.labelCategories().clone();
        this.labelNames = model.labelNames().clone();
        this.labelVolume = model.labelVolume() == null ? new int[labels] : model.labelVolume().clone();
        this.volumeMinimum = java.util.Arrays.stream(labelVolume).max().orElse(0);
        this.baselineLevels = IsolationLevels.of(model.baseline());
        this.boostQuick = QuickScorer.of(model.categoryBoost().trees());
    }

    /** An ensemble of a header and a payload (as the trainer builds them, or a reader loads them). */
    public static Ensemble of(ModelHeader header, ModelPayload model) {
        return new Ensemble(header, model, null);
    }

    /**
     * This model with a site baseline learned over its encoding.
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

    /** The model bundled with gatewatch (trained on kddcup.data_10_percent). */
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
     * Scores one connection: the label forest's and the baseline's trees are walked four side by
     * side, the boost's leaves found by {@link QuickScorer}.
     */
    public Verdict score(KddRecord r) {
        Work w = spareRow.getAndSet(null);
        if (w == null) {
            w = new Work(1, false);
        }
        // Into uraw, where decide() finds a batch's distinct rows.
        r.copyInto(w.uraw, 0);
        model.encoder().encode(w.uraw, 0, w.enc, 0);
        model.labelForest().predict(w.enc, 0, w.pl, w.trees);
        if (boostQuick != null) {
            model.categoryBoost().predict(boostQuick, w.enc, 0, w.pb, 0, w.trees, w.words);
        } else {
            model.categoryBoost().predict(w.enc, 0, w.pb, w.trees);
        }
        w.iso[0] = model.baseline().score(w.enc, 0);
        combine(w, 1);
        Verdict v = decide(w, 0);
        spareRow.set(w);
        return v;
    }

    /** Scores {@code batch[0..n)} into {@code out[0..n)} (a {@link Scorer} without memo). */
    public void scoreBatch(KddRecord[] batch, int n, Verdict[] out) {
        Scorer s = batchScorer();
        s.scoreBatch(batch, n, out);
        spareBatch.set(s);
    }

    /**
     * Scores {@code n} rows given as raw KDD values, row-major ({@code raw[i * 41 + feature]}),
     * into {@code out[0..n)}; saves the copy out of {@link KddRecord}s.
     */
    public void scoreBatch(double[] raw, int n, Verdict[] out) {
        Scorer s = batchScorer();
        Work w = s.w;
        for (int start = 0; start < n; start += Work.CHUNK) {
            int m = Math.min(Work.CHUNK, n - start);
            System.arraycopy(raw, start * F, w.raw, 0, m * F);
            run(w, m);
            for (int i = 0; i < m; i++) {
                out[start + i] = verdict(w, i);
            }
        }
        spareBatch.set(s);
    }

    private Scorer batchScorer() {
        Scorer s = spareBatch.getAndSet(null);
        return s != null ? s : new Scorer(0);
    }

    /** Memo size of {@link #scorer()}: 1,024 rows of 41 values, 336 KiB, within a core's L2. */
    public static final int DEFAULT_MEMO_ROWS = 1024;

    /** A {@link Scorer} for one thread with a memo of {@link #DEFAULT_MEMO_ROWS} rows. */
    public Scorer scorer() {
        return new Scorer(DEFAULT_MEMO_ROWS);
    }

    /**
     * A {@link Scorer} for one thread that remembers the verdicts of the last distinct rows it
     * scored, {@code memoRows} of them (a power of two; 0 for no memo).
     */
    public Scorer scorer(int memoRows) {
        return new Scorer(memoRows);
    }

    /**
     * Batch scoring for one thread (the pipeline's detector stage): the scratch arrays are made
     * once, and a direct-mapped memo keeps the verdicts of recently scored rows. Floods and scans
     * produce the same 41 values over and over once their windows saturate (counts at their caps,
     * rates at 0 or 1), and a verdict is a pure function of those values, so a row found in the
     * memo, all 41 values bit for bit equal, gets the remembered verdict without running the
     * models. The result is the verdict {@link Ensemble#score} gives; only the work differs.
     *
     * <p>Not thread-safe: one per thread.
     */
    public final class Scorer {
        private final Work w = new Work(Work.CHUNK, true);
        private final int[] missAt = new int[Work.CHUNK];
        private final long[] memoKeys;
        private final long[] memoHash;
        private final Verdict[] memoVerdicts;
        private final int memoMask;
        private long rows;
        private long memoHits;

        private Scorer(int memoRows) {
            if (memoRows < 0 || (memoRows & (memoRows - 1)) != 0) {
                throw new IllegalArgumentException("memo rows must be 0 or a power of two, got " + memoRows);
            }
            memoKeys = new long[memoRows * F];
            memoHash = new long[memoRows];
            memoVerdicts = new Verdict[memoRows];
            memoMask = memoRows - 1;
        }

        /** Scores {@code batch[0..n)} into {@code out[0..n)}. */
        public void scoreBatch(KddRecord[] batch, int n, Verdict[] out) {
            int i = 0;
            while (i < n) {
                int m = 0;
                while (i < n && m < Work.CHUNK) {
                    batch[i].copyInto(w.raw, m * F);
                    Verdict v = recall(m);
                    if (v != null) {
                        out[i] = v;
                    } else {
                        missAt[m++] = i;
                    }
                    i++;
                }
                if (m > 0) {
                    // With a memo, recall() has hashed every row the models now run on.
                    run(w, m, memoVerdicts.length > 0);
                    for (int j = 0; j < m; j++) {
                        Verdict v = verdict(w, j);
                        out[missAt[j]] = v;
                        remember(j, v);
                    }
                }
            }
            rows += n;
        }

        /** Rows scored so far. */
        public long rows() {
            return rows;
        }

        /** Rows whose verdict came from the memo. */
        public long memoHits() {
            return memoHits;
        }

        /**
         * The remembered verdict of row {@code m} of {@code w.raw}, or null; keeps its hash in
         * {@code w.rowHash} for {@link #remember} and the chunk's dedupe.
         */
        private Verdict recall(int m) {
            if (memoVerdicts.length == 0) {
                return null;
            }
            long h = Work.hash(w.raw, m * F);
            w.rowHash[m] = h;
            int slot = memoSlot(h);
            Verdict v = memoVerdicts[slot];
            if (v == null || memoHash[slot] != h) {
                return null;
            }
            int o = slot * F;
            int r = m * F;
            for (int f = 0; f < F; f++) {
                if (memoKeys[o + f] != Double.doubleToRawLongBits(w.raw[r + f])) {
                    return null;
                }
            }
            memoHits++;
            return v;
        }

        private void remember(int m, Verdict v) {
            if (memoVerdicts.length == 0) {
                return;
            }
            long h = w.rowHash[m];
            int slot = memoSlot(h);
            int o = slot * F;
            int r = m * F;
            for (int f = 0; f < F; f++) {
                memoKeys[o + f] = Double.doubleToRawLongBits(w.raw[r + f]);
            }
            memoHash[slot] = h;
            memoVerdicts[slot] = v;
        }

        private int memoSlot(long h) {
            return (int) (h ^ (h >>> 32)) & memoMask;
        }
    }

    /** Verdicts plus what evaluation needs, for rows of raw KDD values. */
    public Assessment[] assess(double[][] rows) {
        Assessment[] out = new Assessment[rows.length];
        Work w = new Work(Math.min(rows.length, Work.CHUNK), true);
        for (int start = 0; start < rows.length; start += Work.CHUNK) {
            int m = Math.min(Work.CHUNK, rows.length - start);
            for (int i = 0; i < m; i++) {
                System.arraycopy(rows[start + i], 0, w.raw, i * F, F);
            }
            run(w, m);
            for (int i = 0; i < m; i++) {
                Verdict v = verdict(w, i);
                int j = w.uniqueOf[i];
                Category counted = v.category() == Category.ANOMALY ? bestAttack(w.p, j * C) : v.category();
                out[start + i] = new Assessment(v, counted, 1.0 - w.p[j * C]);
            }
        }
        return out;
    }

    /**
     * Runs the three models over the {@code m} rows in {@code w.raw}, each distinct row once: a
     * flood repeats the same connection record over and over, and a verdict is a pure function
     * of the 41 values, so repeats within a chunk share the work and the verdict object. Rows
     * count as the same only when all 41 values are bit for bit equal.
     */
    private void run(Work w, int m) {
        run(w, m, false);
    }

    /** As {@link #run(Work, int)}; {@code hashed}: {@code w.rowHash[0..m)} already holds the rows' hashes. */
    private void run(Work w, int m, boolean hashed) {
        int u = w.dedupe(m, hashed);
        for (int j = 0; j < u; j++) {
            model.encoder().encode(w.uraw, j * F, w.enc, j * F);
        }
        model.labelForest().predictBatch(w.enc, u, w.pl, w.leaves);
        if (boostQuick != null) {
            model.categoryBoost().predictBatch(boostQuick, w.enc, u, w.pb, w.trees, w.words);
        } else {
            model.categoryBoost().predictBatch(w.enc, u, w.pb, w.leaves);
        }
        if (baselineLevels != null) {
            w.groups.fill(w.enc, u);
            baselineLevels.scoreBatch(w.groups, w.iso);
        } else {
            model.baseline().scoreBatch(w.enc, u, w.iso);
        }
        combine(w, u);
    }

    /** The combined category posteriors of the first {@code u} scored rows. */
    private void combine(Work w, int u) {
        double fw = model.forestWeight();
        for (int j = 0; j < u; j++) {
            int o = j * C;
            for (int c = 0; c < C; c++) {
                w.p[o + c] = (1.0 - fw) * w.pb[o + c];
            }
            for (int l = 0; l < labels; l++) {
                w.p[o + labelCategory[l]] += fw * w.pl[j * labels + l];
            }
        }
    }

    /** The verdict of row {@code i} of the last {@link #run}, built once per distinct row. */
    private Verdict verdict(Work w, int i) {
        int j = w.uniqueOf[i];
        Verdict v = w.verdicts[j];
        if (v == null) {
            v = decide(w, j);
            w.verdicts[j] = v;
        }
        return v;
    }

    private Verdict decide(Work w, int i) {
        int o = i * C;
        int off = i * F;
        int cat = model.costSensitive() ? CostMatrix.leastExpectedCost(w.p, o) : argmax(w.p, o, C);
        if (cat != Category.NORMAL.ordinal() && 1.0 - w.p[o] < model.alertFloor() && !AttackEvidence.present(w.uraw, off)) {
            cat = Category.NORMAL.ordinal();
        }
        int best = cat == Category.NORMAL.ordinal() ? -1 : bestLabel(w, i, cat);
        if (best >= 0 && !VolumeEvidence.supports(w.uraw, off, labelVolume[best])) {
            cat = Category.NORMAL.ordinal();
        }
        double iso = w.iso[i];
        double threshold = model.anomalyThreshold();
        if (cat == Category.NORMAL.ordinal()) {
            if (iso > threshold) {
                if (site != null && site.typical(w.uraw, off, w.enc, off)) {
                    return new Verdict(Category.NORMAL, Verdict.SITE_TYPICAL, clamp(w.p[o]), iso, List.of());
                }
                double conf = Math.min(1.0, (iso - threshold) / (1.0 - threshold));
                return new Verdict(Category.ANOMALY, "anomaly", conf, iso, reasonFinder.reasons(w.enc, off));
            }
            return new Verdict(Category.NORMAL, "normal", clamp(w.p[o]), iso, List.of());
        }
        // A flood verdict (a label seen only in volume, borne out by this window, or any dos verdict in
        // a window with volume) is never the site's habit: a site with bursts of its own must not
        // learn to hide a flood of that size.
        boolean flood = best >= 0 && labelVolume[best] > 0
                || cat == Category.DOS.ordinal() && volumeMinimum > 0 && VolumeEvidence.volume(w.uraw, off) >= volumeMinimum;
        if (site != null && !flood && site.typical(w.uraw, off, w.enc, off)) {
            return new Verdict(Category.NORMAL, Verdict.SITE_TYPICAL, clamp(w.p[o]), iso, List.of());
        }
        String label = best >= 0 ? labelNames[best] : Category.kdd(cat).externalName();
        return new Verdict(Category.kdd(cat), label, clamp(w.p[o + cat]), iso, reasonFinder.reasons(w.enc, off));
    }

    /** The forest's most probable label of category {@code cat} for row {@code i}, or -1 if it has none. */
    private int bestLabel(Work w, int i, int cat) {
        int best = -1;
        int lo = i * labels;
        for (int l = 0; l < labels; l++) {
            if (labelCategory[l] == cat && (best < 0 || w.pl[lo + l] > w.pl[lo + best])) {
                best = l;
            }
        }
        return best;
    }

    private static Category bestAttack(double[] p, int o) {
        int best = 1;
        for (int c = 2; c < C; c++) {
            if (p[o + c] > p[o + best]) {
                best = c;
            }
        }
        return Category.kdd(best);
    }

    private static int argmax(double[] p, int o, int k) {
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (p[o + j] > p[o + best]) {
                best = j;
            }
        }
        return best;
    }

    private static double clamp(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }

    /** Scratch arrays for one call: raw rows, their distinct rows, model outputs, combined posteriors. */
    private final class Work {
        static final int CHUNK = 64;
        final double[] raw;
        final double[] uraw;
        final int[] uniqueOf;
        final int[] slots;
        final Verdict[] verdicts;
        final double[] enc;
        final double[] pl;
        final double[] pb;
        final double[] iso;
        final double[] p;
        final int[] leaves;
        /** Hash of each row of {@link #raw}, when the caller computed it (the memo does). */
        final long[] rowHash;
        final int[] trees;
        final RowGroups groups;
        final long[] words;

        /** {@code batch}: for {@link #run}; a single row's scoring does not need the row groups. */
        Work(int rows, boolean batch) {
            int r = Math.max(1, rows);
            raw = new double[r * F];
            uraw = new double[r * F];
            uniqueOf = new int[r];
            slots = new int[Integer.highestOneBit(r) * 4];
            verdicts = new Verdict[r];
            enc = new double[r * F];
            pl = new double[r * labels];
            pb = new double[r * C];
            iso = new double[(r + RowGroups.LANES - 1) & -RowGroups.LANES];
            groups = batch ? new RowGroups(r) : null;
            words = new long[model.categoryBoost().trees().treeCount()];
            p = new double[r * C];
            leaves = new int[r];
            rowHash = new long[r];
            trees = new int[Math.max(model.labelForest().trees().treeCount(), model.categoryBoost().trees().treeCount())];
        }

        /**
         * Finds the distinct rows among {@code raw[0..m)}, copies them to {@code uraw}; returns their
         * count. {@code hashed}: {@link #rowHash} already holds each row's {@link #hash}.
         */
        int dedupe(int m, boolean hashed) {
            java.util.Arrays.fill(slots, -1);
            java.util.Arrays.fill(verdicts, 0, m, null);
            int mask = slots.length - 1;
            int u = 0;
            for (int i = 0; i < m; i++) {
                int o = i * F;
                long h = hashed ? rowHash[i] : hash(raw, o);
                int s = (int) (h ^ (h >>> 29)) & mask;
                while (true) {
                    int j = slots[s];
                    if (j < 0) {
                        slots[s] = u;
                        System.arraycopy(raw, o, uraw, u * F, F);
                        uniqueOf[i] = u++;
                        break;
                    }
                    if (sameRow(raw, o, uraw, j * F)) {
                        uniqueOf[i] = j;
                        break;
                    }
                    s = (s + 1) & mask;
                }
            }
            return u;
        }

        /**
         * A hash of the 41 values at {@code a[o..o+41)}, bit for bit. KDD values are mostly small
         * integers and simple fractions, whose information sits in the top bits of a double (sign,
         * exponent, leading mantissa bits); a multiplication only carries bits upwards, so each
         * value is folded down first and the sum is mixed at the end (MurmurHash3's fmix64), or
         * the low bits that pick a slot would be nearly the same for every row.
         */
        static long hash(double[] a, int o) {
            long h = 0;
            for (int f = 0; f < F; f++) {
                long bits = Double.doubleToRawLongBits(a[o + f]);
                h = (h ^ bits ^ (bits >>> 31)) * 0x9E3779B97F4A7C15L;
            }
            h ^= h >>> 33;
            h *= 0xFF51AFD7ED558CCDL;
            h ^= h >>> 33;
            h *= 0xC4CEB9FE1A85EC53L;
            return h ^ (h >>> 33);
        }

        private static boolean sameRow(double[] a, int ao, double[] b, int bo) {
            for (int f = 0; f < F; f++) {
                if (Double.doubleToRawLongBits(a[ao + f]) != Double.doubleToRawLongBits(b[bo + f])) {
                    return false;
                }
            }
            return true;
        }
    }
}

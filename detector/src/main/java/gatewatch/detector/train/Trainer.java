package gatewatch.detector.train;

import gatewatch.detector.data.LabelledData;
import gatewatch.detector.encode.DetectorRow;
import gatewatch.detector.encode.FeatureEncoder;
import gatewatch.detector.io.BuildInfo;
import gatewatch.detector.io.ModelFile;
import gatewatch.detector.io.ModelHeader;
import gatewatch.detector.model.BoostScorer;
import gatewatch.detector.model.Category;
import gatewatch.detector.model.Ensemble;
import gatewatch.detector.model.ForestScorer;
import gatewatch.detector.model.IsolationScorer;
import gatewatch.detector.model.LabelServices;
import gatewatch.detector.model.ModelPayload;
import gatewatch.detector.model.VolumeEvidence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import smile.anomaly.IsolationForest;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.ValueVector;
import smile.math.MathEx;
import smile.model.cart.SplitRule;

/**
 * Trains the ensemble: dedupe, fit the encoder, a random forest over attack labels, a gradient
 * boost over the five categories, an isolation forest over normal rows with a threshold from
 * held-out normal scores, then compile all three and check the compiled scorers against Smile.
 *
 * <p>Class imbalance: label {@code l} gets the integer weight
 * {@code min(cap, round(sqrt(largest label count / count(l))))}; the forest takes it as Smile's
 * class weight, the boost (which has none) by repeating that label's rows that many times.
 * Deterministic for a given seed: the forest has one seed per tree, the boost runs single-threaded
 * after seeding Smile's generator, and so does each isolation tree ({@link BaselineFitter}). The
 * rows come from {@link ComposedRows}.
 */
public final class Trainer {
    static final String[] COLUMNS = DetectorRow.names();

    private final TrainingConfig config;
    private final TrainingProgress progress;
    private final BaselineFitter baselines;

    public Trainer(TrainingConfig config) {
        this(config, TrainingProgress.NONE);
    }

    /** A trainer that reports its stages and trees to {@code progress}. */
    public Trainer(TrainingConfig config, TrainingProgress progress) {
        this.config = config;
        this.progress = progress;
        this.baselines = new BaselineFitter(config, progress);
    }

    /** Trains on KDD'99-style rows only; {@code command} is recorded in the model header. */
    public TrainedModel train(LabelledData input, String command) {
        return train(List.of(TrainingSource.kdd(input)), command);
    }

    /** Trains on {@code sources}, weighted by world; {@code command} is recorded in the model header. */
    public TrainedModel train(List<TrainingSource> sources, String command) {
        Fitted fitted = fit(sources);
        progress.stage(TrainingProgress.Stage.COMPILE, 0);
        TrainedModel model = assemble(fitted, config, command);
        progress.done();
        return model;
    }

    /**
     * Everything fitted on one training set at this trainer's sizes, before compiling: what
     * {@link #assemble} needs to build the model at these sizes or, for model selection, at
     * smaller ones (the first trees of a forest or rounds of a boost are exactly what fitting
     * fewer would give, since every tree has its own seed and the boost draws in round order).
     */
    record Fitted(int rowsRead, FeatureEncoder encoder, double[][] x, String[] labelNames, int[] labelCategories,
            RandomForest forest, GradientTreeBoost boost, double[][] normal, IsolationForest baseline,
            int baselineSample, BaselineFitter.FoldForests thresholdFolds, double forestSeconds, double boostSeconds,
            double baselineSeconds, int[] labelVolume, long[] labelServices) {
    }

    Fitted fit(LabelledData input) {
        return fit(List.of(TrainingSource.kdd(input)));
    }

    Fitted fit(List<TrainingSource> sources) {
        ComposedRows composed = ComposedRows.of(sources, config, progress);
        LabelledData data = composed.data();
        progress.stage(TrainingProgress.Stage.ENCODE, 0);
        FeatureEncoder encoder = FeatureEncoder.fit(data);
        double[][] x = encoder.encodeAll(data.features());

        // Labels sorted by category then name: forest class l <-> labelNames[l].
        Map<String, Category> labelCategory = new TreeMap<>();
        for (int i = 0; i < data.size(); i++) {
            labelCategory.put(data.labels()[i], data.categories()[i]);
        }
        String[] labelNames = labelCategory.keySet().stream()
                .sorted(Comparator.comparing((String l) -> labelCategory.get(l)).thenComparing(l -> l))
                .toArray(String[]::new);
        Map<String, Integer> labelIndex = new LinkedHashMap<>();
        for (int l = 0; l < labelNames.length; l++) {
            labelIndex.put(labelNames[l], l);
        }
        int[] labelCategories = Arrays.stream(labelNames).mapToInt(l -> labelCategory.get(l).ordinal()).toArray();
        int[] yLabel = new int[data.size()];
        int[] yCategory = new int[data.size()];
        for (int i = 0; i < data.size(); i++) {
            yLabel[i] = labelIndex.get(data.labels()[i]);
            yCategory[i] = data.categories()[i].ordinal();
        }
        int[] weights = classWeights(yLabel, labelNames.length);
        requireEveryCategory(yCategory);

        long t0 = System.nanoTime();
        RandomForest rf = fitForest(x, yLabel, weights);
        long t1 = System.nanoTime();
        GradientTreeBoost gbt = fitBoost(x, yLabel, yCategory, weights);
        long t2 = System.nanoTime();

        int[] normalRows = java.util.stream.IntStream.range(0, x.length)
                .filter(i -> composed.primary()[i] && data.categories()[i] == Category.NORMAL).toArray();
        double[][] normal = Arrays.stream(normalRows).mapToObj(i -> x[i]).toArray(double[][]::new);
        String[] normalGroups = Arrays.stream(normalRows).mapToObj(i -> composed.groups()[i]).toArray(String[]::new);
        progress.stage(TrainingProgress.Stage.BASELINE, config.isolationTrees());
        boolean[] normalToday = new boolean[normal.length];
        for (int r = 0; r < normal.length; r++) {
            normalToday[r] = normalGroups[r] != null;
        }
        IsolationForest iforest = baselines.fit(normal, normalToday, config.seed(), TrainingProgress.Stage.BASELINE, 0);
        progress.stage(TrainingProgress.Stage.THRESHOLD, config.thresholdFolds() * config.isolationTrees());
        BaselineFitter.FoldForests folds = baselines.foldForests(normal, normalGroups);
        long t3 = System.nanoTime();
        AsRead asRead = AsRead.of(sources, labelIndex);
        int[] labelVolume = VolumeEvidence.labelMinimums(asRead.raw(), asRead.label(), labelCategories,
                config.volumeMinimum());
        long[] labelServices = LabelServices.of(asRead.raw(), asRead.label(), labelNames.length);
        return new Fitted(composed.rowsRead(), encoder, x, labelNames, labelCategories, rf, gbt, normal, iforest,
                baselines.sampleSize(normal.length), folds, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, labelVolume,
                labelServices);
    }

    /** Every row of the training sources as read (before deduplication and weights), with its label index. */
    private record AsRead(double[][] raw, int[] label) {
        static AsRead of(List<TrainingSource> sources, Map<String, Integer> labelIndex) {
            int n = sources.stream().mapToInt(s -> s.rows().size()).sum();
            double[][] raw = new double[n][];
            int[] label = new int[n];
            int at = 0;
            for (TrainingSource s : sources) {
                LabelledData d = s.rows();
                for (int i = 0; i < d.size(); i++, at++) {
                    raw[at] = d.features()[i];
                    label[at] = labelIndex.get(d.labels()[i]);
                }
            }
            return new AsRead(raw, label);
        }
    }

    /**
     * Compiles {@code f} into a model at the sizes and decision settings of {@code effective}
     * (tree counts at most those fitted; the fitting settings must be the trainer's own).
     */
    TrainedModel assemble(Fitted f, TrainingConfig effective, String command) {
        return assemble(f, effective, command, true);
    }

    /** As above; {@code check} false skips the compiled-versus-Smile check (model selection only). */
    TrainedModel assemble(Fitted f, TrainingConfig effective, String command, boolean check) {
        if (effective.forestTrees() > f.forest().size() || effective.boostTrees() > f.boost().trees()[0].length
                || effective.isolationTrees() > f.baseline().size()) {
            throw new IllegalArgumentException("cannot assemble more trees than were fitted");
        }
        RandomForest rf = effective.forestTrees() < f.forest().size() ? f.forest().trim(effective.forestTrees()) : f.forest();
        GradientTreeBoost gbt = effective.boostTrees() < f.boost().trees()[0].length ? f.boost().trim(effective.boostTrees())
                : f.boost();
        IsolationForest iforest = BaselineFitter.firstTrees(f.baseline(), f.baselineSample(), effective.isolationTrees());
        ForestScorer forest = SmileCompiler.forest(rf, f.labelNames().length);
        BoostScorer boost = SmileCompiler.boost(gbt, Category.KDD_COUNT, effective.boostShrinkage());
        IsolationScorer baseline = SmileCompiler.isolation(iforest);
        double threshold = anomalyThreshold(f, effective, baseline);
        if (check) {
            EquivalenceCheck.require(rf, gbt, iforest, forest, boost, baseline, f.x(), COLUMNS);
        }

        double[] importance = importance(rf.importance(), gbt.importance());
        double[] center = new double[DetectorRow.WIDTH];
        double[] scale = new double[DetectorRow.WIDTH];
        spread(f.normal(), center, scale);
        String summary = String.format(java.util.Locale.ROOT,
                "rows %d read, %d used (dedupe %s), %d normal; %d labels; config %s",
                f.rowsRead(), f.x().length, effective.dedupe(), f.normal().length, f.labelNames().length, effective);
        ModelPayload payload = new ModelPayload(f.encoder(), forest, f.labelNames(), f.labelCategories(), boost, baseline,
                threshold, effective.forestWeight(), effective.costSensitive(), importance, center, scale, summary,
                effective.alertFloor(), f.labelVolume(), f.labelServices());
        ModelHeader header = new ModelHeader(ModelFile.FORMAT_VERSION, DetectorRow.schemaHash(), command,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), BuildInfo.version(), version(payload));
        TrainingReport report = new TrainingReport(f.rowsRead(), f.x().length, f.normal().length, f.labelNames().length,
                threshold, f.forestSeconds(), f.boostSeconds(), f.baselineSeconds());
        return new TrainedModel(Ensemble.of(header, payload), rf, gbt, iforest, report);
    }

    /** The category boost and the combiner have one output per KDD category, so each needs rows. */
    private static void requireEveryCategory(int[] yCategory) {
        boolean[] seen = new boolean[Category.KDD_COUNT];
        for (int c : yCategory) {
            seen[c] = true;
        }
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (int c = 0; c < seen.length; c++) {
            if (!seen[c]) {
                missing.add(Category.kdd(c).externalName());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the training data has no rows of " + String.join(", ", missing)
                    + "; a model needs rows of all five categories (normal, dos, probe, r2l, u2r)");
        }
    }

    private int[] classWeights(int[] y, int k) {
        int[] count = new int[k];
        for (int v : y) {
            count[v]++;
        }
        int max = Arrays.stream(count).max().orElse(1);
        int[] w = new int[k];
        for (int l = 0; l < k; l++) {
            w[l] = count[l] == 0 ? 1 : (int) Math.max(1, Math.min(config.classWeightCap(), Math.round(Math.sqrt((double) max / count[l]))));
        }
        return w;
    }

    static DataFrame frame(double[][] x, int[] y) {
        return DataFrame.of(x, COLUMNS).add(ValueVector.of("y", y));
    }

    private RandomForest fitForest(double[][] x, int[] y, int[] weights) {
        long[] seeds = new long[config.forestTrees()];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = config.seed() * 1_000_003L + i;
        }
        int mtry = (int) Math.floor(Math.sqrt(DetectorRow.WIDTH));
        progress.stage(TrainingProgress.Stage.FOREST, config.forestTrees());
        var options = new RandomForest.Options(config.forestTrees(), mtry, SplitRule.GINI, config.forestMaxDepth(),
                config.forestMaxNodes(), config.forestNodeSize(), 1.0, weights, seeds,
                new TreeCounter<>(progress, TrainingProgress.Stage.FOREST));
        return RandomForest.fit(Formula.lhs("y"), frame(x, y), options);
    }

    private GradientTreeBoost fitBoost(double[][] x, int[] yLabel, int[] yCategory, int[] weights) {
        int n = 0;
        for (int v : yLabel) {
            n += weights[v];
        }
        double[][] xr = new double[n][];
        int[] yr = new int[n];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            for (int r = 0; r < weights[yLabel[i]]; r++) {
                xr[k] = x[i];
                yr[k++] = yCategory[i];
            }
        }
        progress.stage(TrainingProgress.Stage.BOOST, config.boostTrees());
        var options = new GradientTreeBoost.Options(config.boostTrees(), config.boostMaxDepth(), config.boostMaxNodes(),
                5, config.boostShrinkage(), config.boostSubsample(), null,
                new TreeCounter<>(progress, TrainingProgress.Stage.BOOST));
        MathEx.setSeed(config.seed());
        return GradientTreeBoost.fit(Formula.lhs("y"), frame(xr, yr), options);
    }

    /**
     * The configured quantile of the out-of-fold isolation scores of the normal rows, at the
     * effective tree count, or of the shipped forest's own scores of them if that is higher. The
     * out-of-fold quantile estimates how a forest scores normal traffic it has not seen, but it
     * comes from other forests than the one shipped, and a 0.999 quantile of a few thousand rows
     * of today's traffic is one of their handful of highest scores, which moves with any change to
     * the data; below the shipped forest's own quantile it would have that forest call more of the
     * very connections it was fitted on anomalies than the quantile allows.
     */
    private static double anomalyThreshold(Fitted f, TrainingConfig effective, IsolationScorer shipped) {
        double outOfFold = BaselineFitter.outOfFoldQuantile(f.normal(), f.thresholdFolds(), effective.isolationTrees(),
                effective.anomalyQuantile());
        double own = BaselineFitter.ownQuantile(f.normal(), shipped, f.thresholdFolds().today(), effective.anomalyQuantile());
        return Math.max(outOfFold, own);
    }

    private static double[] importance(double[] a, double[] b) {
        double sa = Arrays.stream(a).sum();
        double sb = Arrays.stream(b).sum();
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = 0.5 * (sa > 0 ? a[i] / sa : 0) + 0.5 * (sb > 0 ? b[i] / sb : 0);
        }
        return out;
    }

    private static void spread(double[][] rows, double[] center, double[] scale) {
        int f = center.length;
        for (double[] r : rows) {
            for (int j = 0; j < f; j++) {
                center[j] += r[j];
            }
        }
        for (int j = 0; j < f; j++) {
            center[j] /= Math.max(1, rows.length);
        }
        for (double[] r : rows) {
            for (int j = 0; j < f; j++) {
                double d = r[j] - center[j];
                scale[j] += d * d;
            }
        }
        for (int j = 0; j < f; j++) {
            // The floor keeps a feature that is constant on normal rows (land, root_shell) finite.
            scale[j] = Math.sqrt(scale[j] / Math.max(1, rows.length)) + 0.05;
        }
    }

    private static String version(ModelPayload payload) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ModelFile.payloadBytes(payload));
            return "gw1-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

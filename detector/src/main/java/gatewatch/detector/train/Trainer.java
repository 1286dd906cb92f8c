package gatewatch.detector.train;

import gatewatch.detector.data.Dedupe;
import gatewatch.detector.data.LabelledData;
import gatewatch.detector.encode.FeatureEncoder;
import gatewatch.detector.io.BuildInfo;
import gatewatch.detector.io.ModelFile;
import gatewatch.detector.io.ModelHeader;
import gatewatch.detector.model.BoostScorer;
import gatewatch.detector.model.Category;
import gatewatch.detector.model.Ensemble;
import gatewatch.detector.model.ForestScorer;
import gatewatch.detector.model.IsolationScorer;
import gatewatch.detector.model.ModelPayload;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddSchema;
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
import java.util.Map;
import java.util.TreeMap;
import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;
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
 * Deterministic for a given seed: the forest has one seed per tree, the boost and each isolation
 * tree run single-threaded after seeding Smile's generator.
 */
public final class Trainer {
    static final String[] COLUMNS = Arrays.stream(KddFeature.values()).map(KddFeature::kddName).toArray(String[]::new);

    private final TrainingConfig config;

    public Trainer(TrainingConfig config) {
        this.config = config;
    }

    /** Trains on {@code input}; {@code command} is recorded in the model header. */
    public TrainedModel train(LabelledData input, String command) {
        LabelledData data = config.dedupe() ? Dedupe.distinct(input) : input;
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

        long t0 = System.nanoTime();
        RandomForest rf = fitForest(x, yLabel, weights);
        long t1 = System.nanoTime();
        GradientTreeBoost gbt = fitBoost(x, yLabel, yCategory, weights);
        long t2 = System.nanoTime();

        double[][] normal = rows(x, data.categories(), Category.NORMAL);
        IsolationForest iforest = fitIsolation(normal, config.seed());
        double threshold = anomalyThreshold(normal);
        long t3 = System.nanoTime();

        ForestScorer forest = SmileCompiler.forest(rf, labelNames.length);
        BoostScorer boost = SmileCompiler.boost(gbt, Category.KDD_COUNT, config.boostShrinkage());
        IsolationScorer baseline = SmileCompiler.isolation(iforest);
        EquivalenceCheck.require(rf, gbt, iforest, forest, boost, baseline, x, COLUMNS);

        double[] importance = importance(rf.importance(), gbt.importance());
        double[] center = new double[KddFeature.COUNT_OF_FEATURES];
        double[] scale = new double[KddFeature.COUNT_OF_FEATURES];
        spread(normal, center, scale);
        String summary = String.format(java.util.Locale.ROOT,
                "rows %d read, %d used (dedupe %s), %d normal; %d labels; config %s",
                input.size(), data.size(), config.dedupe(), normal.length, labelNames.length, config);
        ModelPayload payload = new ModelPayload(encoder, forest, labelNames, labelCategories, boost, baseline, threshold,
                config.forestWeight(), config.costSensitive(), importance, center, scale, summary);
        ModelHeader header = new ModelHeader(ModelFile.FORMAT_VERSION, KddSchema.hash(), command,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), BuildInfo.version(), version(payload));
        TrainingReport report = new TrainingReport(input.size(), data.size(), normal.length, labelNames.length, threshold,
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
        return new TrainedModel(Ensemble.of(header, payload), rf, gbt, iforest, report);
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
        int mtry = (int) Math.floor(Math.sqrt(KddFeature.COUNT_OF_FEATURES));
        var options = new RandomForest.Options(config.forestTrees(), mtry, SplitRule.GINI, config.forestMaxDepth(),
                config.forestMaxNodes(), config.forestNodeSize(), 1.0, weights, seeds, null);
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
        var options = new GradientTreeBoost.Options(config.boostTrees(), config.boostMaxDepth(), config.boostMaxNodes(),
                5, config.boostShrinkage(), config.boostSubsample(), null, null);
        MathEx.setSeed(config.seed());
        return GradientTreeBoost.fit(Formula.lhs("y"), frame(xr, yr), options);
    }

    /** One tree at a time, each after seeding, so the forest does not depend on thread scheduling. */
    IsolationForest fitIsolation(double[][] normal, long seed) {
        int m = Math.min(config.isolationSample(), normal.length - 1);
        double rate = (double) m / normal.length;
        var options = new IsolationForest.Options(1, config.isolationMaxDepth(), rate, 0);
        IsolationTree[] trees = new IsolationTree[config.isolationTrees()];
        for (int t = 0; t < trees.length; t++) {
            MathEx.setSeed(seed * 7_919L + t);
            trees[t] = IsolationForest.fit(normal, options).trees()[0];
        }
        // Normalise by c(psi), the sample each tree saw, as in Liu et al.: 0.5 is an average row.
        return new IsolationForest(m, KddFeature.COUNT_OF_FEATURES, 0, trees);
    }

    /** The configured quantile of isolation scores of normal rows, each scored by a forest that did not see it. */
    private double anomalyThreshold(double[][] normal) {
        int folds = config.thresholdFolds();
        int[] order = java.util.stream.IntStream.range(0, normal.length).toArray();
        MathEx.setSeed(config.seed() + 17);
        MathEx.permutate(order);
        double[] scores = new double[normal.length];
        for (int f = 0; f < folds; f++) {
            int fold = f;
            double[][] train = java.util.stream.IntStream.range(0, normal.length).filter(i -> i % folds != fold)
                    .mapToObj(i -> normal[order[i]]).toArray(double[][]::new);
            IsolationScorer scorer = SmileCompiler.isolation(fitIsolation(train, config.seed() + 101L * (f + 1)));
            for (int i = fold; i < normal.length; i += folds) {
                scores[i] = scorer.score(normal[order[i]], 0);
            }
        }
        Arrays.sort(scores);
        int at = (int) Math.ceil(config.anomalyQuantile() * scores.length) - 1;
        return scores[Math.max(0, Math.min(scores.length - 1, at))];
    }

    static double[][] rows(double[][] x, Category[] categories, Category which) {
        return java.util.stream.IntStream.range(0, x.length).filter(i -> categories[i] == which).mapToObj(i -> x[i])
                .toArray(double[][]::new);
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

package gatewatch.detector.train;

import gatewatch.detector.data.Dedupe;
import gatewatch.detector.data.LabelledData;
import gatewatch.detector.eval.Evaluation;
import gatewatch.detector.eval.Evaluator;
import gatewatch.detector.model.Assessment;
import gatewatch.detector.model.Category;
import gatewatch.detector.model.Ensemble;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Cross-validation that holds out whole groups of today's traffic: every lab scenario (all its
 * seeds) and every capture of normal traffic is scored by a model that never saw any of it, as a
 * site's own traffic and tomorrow's attack tools will be. KDD'99 rows (deduplicated) are dealt
 * to the folds one by one, as in {@link CrossValidation}.
 *
 * <p>A group goes to fold {@code floorMod(hash of its name, K)}, so adding a scenario does not
 * move the others between folds.
 */
public final class GroupedCrossValidation {
    private final TrainingConfig config;
    private final int folds;

    public GroupedCrossValidation(TrainingConfig config, int folds) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds");
        }
        this.config = config;
        this.folds = folds;
    }

    /**
     * What a model that never saw a group did with it.
     *
     * @param group          the group (lab scenario or capture)
     * @param fold           the fold it was held out in
     * @param normalRows     its normal connections
     * @param normalAlerted  ... judged as anything but normal
     * @param attackRows     its attack connections
     * @param attackDetected ... judged as anything but normal
     * @param rightCategory  ... judged as their own category (an anomaly counts as none)
     * @param normalAnomaly  normal connections judged an anomaly (part of {@code normalAlerted})
     * @param attackAnomaly  attack connections judged an anomaly (part of {@code attackDetected}): what
     *                       only the learn-normal path caught
     */
    public record GroupResult(String group, int fold, int normalRows, int normalAlerted, int attackRows, int attackDetected,
            int rightCategory, int normalAnomaly, int attackAnomaly) {
        public double normalAlertRate() {
            return normalRows == 0 ? Double.NaN : (double) normalAlerted / normalRows;
        }

        public double detectionRate() {
            return attackRows == 0 ? Double.NaN : (double) attackDetected / attackRows;
        }
    }

    /**
     * Per held-out group, and the held-out KDD'99 rows' accuracy and cost per fold.
     */
    public record Result(List<GroupResult> groups, List<Evaluation> kddFolds) {
        /** Normal connections of today alerted, over all held-out groups. */
        public double pooledNormalAlertRate() {
            long n = groups.stream().mapToLong(GroupResult::normalRows).sum();
            long a = groups.stream().mapToLong(GroupResult::normalAlerted).sum();
            return n == 0 ? Double.NaN : (double) a / n;
        }

        public double meanKddAccuracy() {
            return kddFolds.stream().mapToDouble(Evaluation::accuracy).average().orElse(Double.NaN);
        }

        public double meanKddCost() {
            return kddFolds.stream().mapToDouble(Evaluation::costPerExample).average().orElse(Double.NaN);
        }
    }

    public Result run(List<TrainingSource> sources) {
        LabelledData kdd = null;
        Map<String, List<TrainingSource>> today = new LinkedHashMap<>();
        for (TrainingSource s : sources) {
            if (s.world() == TrainingSource.World.KDD) {
                kdd = kdd == null ? s.rows() : kdd.concat(s.rows());
            } else {
                today.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s);
            }
        }
        if (kdd != null && config.dedupe()) {
            kdd = Dedupe.distinct(kdd);
        }
        int[] kddFold = kdd == null ? new int[0] : dealt(kdd.size());
        List<GroupResult> results = new ArrayList<>();
        List<Evaluation> kddResults = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<TrainingSource> train = new ArrayList<>();
            if (kdd != null) {
                train.add(TrainingSource.kdd(kdd.select(CrossValidation.trainRows(kddFold, f))));
            }
            List<String> held = new ArrayList<>();
            for (var e : today.entrySet()) {
                if (foldOf(e.getKey()) == f) {
                    held.add(e.getKey());
                } else {
                    train.addAll(e.getValue());
                }
            }
            if (held.isEmpty() && kdd == null) {
                continue;
            }
            Ensemble model = new Trainer(config).train(train, "grouped cross-validation fold " + (f + 1) + "/" + folds)
                    .ensemble();
            if (kdd != null) {
                kddResults.add(Evaluator.run(model, kdd.select(CrossValidation.testRows(kddFold, f))).evaluation());
            }
            for (String g : held) {
                results.add(score(model, g, f, today.get(g)));
            }
        }
        results.sort(java.util.Comparator.comparing(GroupResult::group));
        return new Result(results, kddResults);
    }

    /** The fold a group of today's traffic is held out in. */
    public int foldOf(String group) {
        return Math.floorMod(group.hashCode(), folds);
    }

    private int[] dealt(int n) {
        int[] order = IntStream.range(0, n).toArray();
        Random random = new Random(config.seed());
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[order[i]] = i % folds;
        }
        return fold;
    }

    private static GroupResult score(Ensemble model, String group, int fold, List<TrainingSource> sources) {
        int normal = 0;
        int normalAlerted = 0;
        int attacks = 0;
        int detected = 0;
        int right = 0;
        int normalAnomaly = 0;
        int attackAnomaly = 0;
        for (TrainingSource s : sources) {
            LabelledData d = s.rows();
            Assessment[] a = model.assess(d.features());
            for (int i = 0; i < a.length; i++) {
                Category verdict = a[i].verdict().category();
                boolean alert = verdict != Category.NORMAL;
                int anomaly = verdict == Category.ANOMALY ? 1 : 0;
                if (d.categories()[i] == Category.NORMAL) {
                    normal++;
                    normalAlerted += alert ? 1 : 0;
                    normalAnomaly += anomaly;
                } else {
                    attacks++;
                    detected += alert ? 1 : 0;
                    right += verdict == d.categories()[i] ? 1 : 0;
                    attackAnomaly += anomaly;
                }
            }
        }
        return new GroupResult(group, fold, normal, normalAlerted, attacks, detected, right, normalAnomaly, attackAnomaly);
    }
}

package gatewatch.detector.train;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.data.LabelledData;
import gatewatch.detector.model.Assessment;
import gatewatch.detector.model.Category;
import gatewatch.detector.testing.Fixtures;
import gatewatch.features.kdd.KddFeature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingSourceTest {
    private static LabelledData rows(double[][] x, String label, Category category) {
        String[] labels = new String[x.length];
        Arrays.fill(labels, label);
        Category[] categories = new Category[x.length];
        Arrays.fill(categories, category);
        return new LabelledData(x, labels, categories, new int[x.length]);
    }

    private static double[] row(double v) {
        double[] r = new double[KddFeature.COUNT_OF_FEATURES];
        r[KddFeature.SRC_BYTES.ordinal()] = v;
        return r;
    }

    @Test
    void todaysRowsAreDedupedPerSourceThenRepeatedByTheirCategorysWeight() {
        LabelledData kdd = rows(new double[][] {row(1), row(1), row(2)}, "normal", Category.NORMAL);
        LabelledData todayNormal = rows(new double[][] {row(10), row(11), row(11), row(12)}, "normal", Category.NORMAL);
        LabelledData todayAttack = rows(new double[][] {row(20), row(21)}, "http_flood", Category.DOS);
        TrainingConfig config = Fixtures.tiny().withToday(5, 2, 0.0);

        ComposedRows c = ComposedRows.of(List.of(TrainingSource.kdd(kdd),
                new TrainingSource("lab:x", TrainingSource.World.TODAY, todayNormal.concat(todayAttack))), config,
                TrainingProgress.NONE);

        assertThat(c.rowsRead()).isEqualTo(3 + 6);
        // KDD deduplicated (2 rows), today's 3 distinct normal rows 5 times, 2 attack rows twice.
        assertThat(c.data().size()).isEqualTo(2 + 3 * 5 + 2 * 2);
        assertThat(countOf(c.data(), 11)).isEqualTo(5);
        assertThat(countOf(c.data(), 20)).isEqualTo(2);
        assertThat(countOf(c.data(), 1)).isEqualTo(1);
        int primary = 0;
        for (boolean p : c.primary()) {
            primary += p ? 1 : 0;
        }
        assertThat(primary).as("each distinct row has one first copy").isEqualTo(2 + 3 + 2);
    }

    private static long countOf(LabelledData d, double srcBytes) {
        return Arrays.stream(d.features()).filter(r -> r[KddFeature.SRC_BYTES.ordinal()] == srcBytes).count();
    }

    @Test
    void weightingTodaysNormalRowsTeachesTheModelThatTheyAreNormal() {
        // Today's normal traffic that looks like KDD's neptune rows (S0, many SYN errors): a few
        // rows against thousands of KDD attack rows are outvoted unless they are weighted.
        LabelledData kdd = Fixtures.synthetic(3000, 5);
        List<double[]> look = new ArrayList<>();
        for (int i = 0; i < kdd.size() && look.size() < 40; i++) {
            if (kdd.labels()[i].equals("neptune")) {
                look.add(kdd.features()[i].clone());
            }
        }
        LabelledData today = rows(look.toArray(double[][]::new), "normal", Category.NORMAL);
        List<TrainingSource> sources = List.of(TrainingSource.kdd(kdd),
                new TrainingSource("capture:x", TrainingSource.World.TODAY, today));

        long lightNormal = normalVerdicts(new Trainer(Fixtures.tiny().withToday(1, 1, 0.0)).train(sources, "t"), today);
        long heavyNormal = normalVerdicts(new Trainer(Fixtures.tiny().withToday(50, 1, 0.0)).train(sources, "t"), today);

        assertThat(lightNormal).as("unweighted, KDD's attack rows win").isLessThan(today.size() / 2);
        assertThat(heavyNormal).as("weighted 50, today's normal rows win").isGreaterThan(today.size() * 3L / 4);
    }

    private static long normalVerdicts(TrainedModel m, LabelledData d) {
        Assessment[] a = m.ensemble().assess(d.features());
        // The baseline may still find them strange (an anomaly): what weighting changes is the attack verdict.
        return Arrays.stream(a).filter(x -> x.verdict().category() == Category.NORMAL || x.verdict().category() == Category.ANOMALY).count();
    }

    @Test
    void theAnomalyThresholdHonoursTheQuantileOnTodaysNormalRowsAsWellAsOnKdds() {
        LabelledData kdd = Fixtures.synthetic(3000, 9);
        // A kind of normal traffic KDD'99 never had: long, large transfers on a service of its own.
        java.util.Random r = new java.util.Random(3);
        double[][] x = new double[60][];
        for (int i = 0; i < x.length; i++) {
            double[] v = row(5e6 + r.nextInt(1_000_000));
            v[KddFeature.DURATION.ordinal()] = 600 + r.nextInt(600);
            v[KddFeature.DST_BYTES.ordinal()] = 1e3 + r.nextInt(1000);
            v[KddFeature.SERVICE.ordinal()] = gatewatch.features.kdd.Service.SSH.ordinal();
            x[i] = v;
        }
        LabelledData today = rows(x, "normal", Category.NORMAL);
        // The bundled model's isolation forest (trees, sample, depth), not the fixture's 8 trees of 64
        // rows 6 deep, whose scores of 60 alike rows sit all on one side of any threshold near them.
        TrainingConfig t = Fixtures.tiny();
        TrainingConfig d = TrainingConfig.defaults();
        TrainingConfig config = new TrainingConfig(t.seed(), t.dedupe(), t.forestTrees(), t.forestMaxDepth(),
                t.forestMaxNodes(), t.forestNodeSize(), t.boostTrees(), t.boostMaxDepth(), t.boostMaxNodes(),
                t.boostShrinkage(), t.boostSubsample(), d.isolationTrees(), d.isolationSample(), d.isolationMaxDepth(),
                t.anomalyQuantile(), t.thresholdFolds(), t.forestWeight(), t.costSensitive(), t.classWeightCap(),
                1, 1, 0.0, t.volumeMinimum());

        TrainedModel kddOnly = new Trainer(config).train(kdd, "t");
        TrainedModel both = new Trainer(config).train(List.of(TrainingSource.kdd(kdd),
                new TrainingSource("capture:a", TrainingSource.World.TODAY, today)), "t");

        double t0 = kddOnly.ensemble().payload().anomalyThreshold();
        double t1 = both.ensemble().payload().anomalyThreshold();
        assertThat(t1).as("today's rows, rarer than KDD's, raise the threshold").isGreaterThan(t0);
        // The 60 rows are alike, so their scores bunch around the quantile: how many of them fall
        // above it is the draw's. What the threshold must do is let most of them through, where the
        // threshold of KDD'99's rows alone calls every one an anomaly.
        assertThat(Arrays.stream(kddOnly.ensemble().assess(today.features())).mapToDouble(a -> a.verdict().anomalyScore()))
                .as("scores above KDD'99's threshold %s", t0).allMatch(score -> score > t0);
        assertThat(anomalies(both, today)).isLessThanOrEqualTo(today.size() / 2);
    }

    private static long anomalies(TrainedModel m, LabelledData rows) {
        return Arrays.stream(m.ensemble().assess(rows.features())).filter(a -> a.verdict().category() == Category.ANOMALY)
                .count();
    }
}

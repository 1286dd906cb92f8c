package gatewatch.detector.train;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.kdd.KddFeature;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import smile.anomaly.IsolationForest;

class BaselineFitterTest {
    private static final int KDD_ROWS = 900;
    private static final int TODAY_ROWS = 300;

    /** KDD'99's rows first, then today's; today's sit apart in feature 0 so that a sample shows where it came from. */
    private static double[][] rows() {
        SplittableRandom r = new SplittableRandom(7);
        double[][] x = new double[KDD_ROWS + TODAY_ROWS][KddFeature.COUNT_OF_FEATURES];
        for (int i = 0; i < x.length; i++) {
            for (int f = 1; f < KddFeature.COUNT_OF_FEATURES; f++) {
                x[i][f] = r.nextDouble();
            }
            x[i][0] = i < KDD_ROWS ? 0 : 1;
        }
        return x;
    }

    private static boolean[] today(int n) {
        boolean[] t = new boolean[n];
        Arrays.fill(t, KDD_ROWS, n, true);
        return t;
    }

    @Test
    void todaysRowsAreDrawnInProportionToTheirWeight() {
        BaselineFitter fitter = new BaselineFitter(TrainingConfig.defaults().withToday(20, 1, 0.7), TrainingProgress.NONE);
        double[][] x = rows();
        double[][] sample = fitter.weightedSample(x, BaselineFitter.Split.of(today(x.length)), 200, new SplittableRandom(1));
        // 300 rows of weight 20 against 900 of weight 1: 6,000 / 6,900 of the draw.
        long fromToday = Arrays.stream(sample).filter(r -> r[0] == 1).count();
        assertThat(sample.length).isEqualTo(200);
        assertThat(fromToday).isEqualTo(Math.round(200 * 6000.0 / 6900));
        Set<double[]> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(Arrays.asList(sample));
        assertThat(distinct).as("drawn without replacement").hasSize(200);
    }

    @Test
    void whenTodaysRowsAreTooFewTheRestComesFromKdd() {
        BaselineFitter fitter = new BaselineFitter(TrainingConfig.defaults().withToday(20, 1, 0.7), TrainingProgress.NONE);
        double[][] x = rows();
        double[][] sample = fitter.weightedSample(x, BaselineFitter.Split.of(today(x.length)), 512, new SplittableRandom(1));
        assertThat(Arrays.stream(sample).filter(r -> r[0] == 1).count()).isEqualTo(TODAY_ROWS);
        assertThat(sample.length).isEqualTo(512);
    }

    @Test
    void withoutTodaysRowsTheForestIsTheUniformOne() {
        BaselineFitter fitter = new BaselineFitter(TrainingConfig.defaults().withTrees(10, 10, 8), TrainingProgress.NONE);
        double[][] x = rows();
        IsolationForest plain = fitter.fit(x, 42);
        IsolationForest none = fitter.fit(x, new boolean[x.length], 42, null, 0);
        IsolationForest weighted = fitter.fit(x, today(x.length), 42, null, 0);
        double[] a = Arrays.stream(x).mapToDouble(plain::score).toArray();
        assertThat(Arrays.stream(x).mapToDouble(none::score).toArray()).containsExactly(a);
        assertThat(Arrays.stream(x).mapToDouble(weighted::score).toArray()).as("today's rows weighted").isNotEqualTo(a);
    }

    @Test
    void theShippedForestCallsAtMostTheQuantileOfItsOwnNormalRowsAnomalies() {
        gatewatch.detector.data.LabelledData data = gatewatch.detector.testing.Fixtures.synthetic(3000, 7);
        gatewatch.detector.model.ModelPayload p = new Trainer(gatewatch.detector.testing.Fixtures.tiny())
                .train(data, "t").ensemble().payload();
        java.util.Map<java.util.List<Double>, double[]> distinct = new java.util.LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            if (data.categories()[i] == gatewatch.detector.model.Category.NORMAL) {
                double[] e = p.encoder().encodeAll(new double[][] {data.features()[i]})[0];
                distinct.putIfAbsent(Arrays.stream(e).boxed().toList(), e);
            }
        }
        double[][] normal = distinct.values().toArray(double[][]::new);
        double q = gatewatch.detector.testing.Fixtures.tiny().anomalyQuantile();
        long above = Arrays.stream(normal).filter(e -> p.baseline().score(e, 0) > p.anomalyThreshold()).count();
        assertThat(p.anomalyThreshold()).isGreaterThanOrEqualTo(BaselineFitter.ownQuantile(normal, p.baseline(), null, q));
        assertThat((double) above / normal.length).isLessThanOrEqualTo(1 - q);
    }
}

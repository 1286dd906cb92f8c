package gatewatch.detector.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.data.LabelledData;
import gatewatch.detector.encode.FeatureEncoder;
import gatewatch.detector.model.Category;
import gatewatch.detector.testing.Fixtures;
import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddFlag;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import smile.anomaly.SVM;
import smile.math.kernel.GaussianKernel;

/** The one-class SVM and the autoencoder learned from normal rows only, with the isolation forest's threshold rule. */
class LearnNormalTrainerTest {
    private static final LearnNormalConfig CONFIG = LearnNormalConfig.defaults().small(400, 12);

    private static final LabelledData DATA = Fixtures.synthetic(4000, 11);
    private static final FeatureEncoder ENCODER = FeatureEncoder.fit(DATA);

    private static double[][] encoded(LabelledData data, boolean normal) {
        return ENCODER.encodeAll(IntStream.range(0, data.size())
                .filter(i -> (data.categories()[i] == Category.NORMAL) == normal).mapToObj(i -> data.features()[i])
                .toArray(double[][]::new));
    }

    /** A web connection with everything a normal one never has: a root shell, failed logins, SYN errors. */
    private static double[] abnormal() {
        double[] raw = DATA.features()[IntStream.range(0, DATA.size()).filter(i -> DATA.categories()[i] == Category.NORMAL)
                .findFirst().orElseThrow()].clone();
        raw[KddFeature.FLAG.ordinal()] = KddFlag.S0.ordinal();
        raw[KddFeature.NUM_FAILED_LOGINS.ordinal()] = 4;
        raw[KddFeature.ROOT_SHELL.ordinal()] = 1;
        raw[KddFeature.COUNT.ordinal()] = 500;
        raw[KddFeature.SERROR_RATE.ordinal()] = 1.0;
        raw[KddFeature.DST_HOST_SERROR_RATE.ordinal()] = 1.0;
        return ENCODER.encode(raw);
    }

    private static LearnNormalTrainer.Split split() {
        return new LearnNormalTrainer(CONFIG).split(encoded(DATA, true));
    }

    @Test
    void splitDealsEveryNormalRowOnceAndThresholdRowsAreNotFittedOn() {
        double[][] normal = encoded(DATA, true);
        LearnNormalTrainer.Split s = split();
        assertThat(s.fit().length + s.choice().length + s.threshold().length).isEqualTo(normal.length);
        assertThat(s.threshold().length).isEqualTo(s.choice().length).isEqualTo((int) Math.round(normal.length * 0.15));
        assertThat(Arrays.asList(s.fit())).doesNotContainAnyElementsOf(Arrays.asList(s.threshold()));
        assertThat(Arrays.asList(s.fit())).doesNotContainAnyElementsOf(Arrays.asList(s.choice()));
    }

    @Test
    void oneClassSvmIsDeterministicForASeedAndDependsOnIt() {
        assertDeterministic(LearnNormalTrainer::oneClassSvm);
    }

    @Test
    void autoencoderIsDeterministicForASeedAndDependsOnIt() {
        assertDeterministic(LearnNormalTrainer::autoencoder);
    }

    private static void assertDeterministic(BiFunction<LearnNormalTrainer, LearnNormalTrainer.Split, LearnNormalTrainer.Fitted> fit) {
        LearnNormalTrainer.Fitted a = fit.apply(new LearnNormalTrainer(CONFIG), split());
        LearnNormalTrainer.Fitted b = fit.apply(new LearnNormalTrainer(CONFIG), split());
        assertThat(a.scorer()).isEqualTo(b.scorer());
        assertThat(a.threshold()).isEqualTo(b.threshold());
        LearnNormalTrainer other = new LearnNormalTrainer(CONFIG.withSeed(5));
        assertThat(fit.apply(other, other.split(encoded(DATA, true))).scorer()).isNotEqualTo(a.scorer());
    }

    @Test
    void oneClassSvmPutsTheAbnormalRowAboveItsThresholdAndFreshNormalRowsBelow() {
        assertSeparates(new LearnNormalTrainer(CONFIG).oneClassSvm(split()));
    }

    @Test
    void autoencoderPutsTheAbnormalRowAboveItsThresholdAndFreshNormalRowsBelow() {
        assertSeparates(new LearnNormalTrainer(CONFIG).autoencoder(split()));
    }

    private static void assertSeparates(LearnNormalTrainer.Fitted f) {
        assertThat(f.scorer().scoreAll(new double[][] {abnormal()})[0]).isGreaterThan(f.threshold());
        // Normal rows of another draw: at most a few per cent above a 0.995 quantile.
        double[] fresh = f.scorer().scoreAll(encoded(Fixtures.synthetic(2000, 99), true));
        long above = Arrays.stream(fresh).filter(s -> s > f.threshold()).count();
        assertThat((double) above / fresh.length).isLessThan(0.03);
        // Attack rows of the fixture (floods, scans, failed logins, root shells) mostly above.
        double[] attacks = f.scorer().scoreAll(encoded(DATA, false));
        assertThat(Arrays.stream(attacks).filter(s -> s > f.threshold()).count()).isGreaterThan(attacks.length / 2);
    }

    @Test
    void autoencoderLearnsToRebuildNormalRows() {
        LearnNormalTrainer.Fitted f = new LearnNormalTrainer(CONFIG).autoencoder(split());
        AutoencoderScorer ae = (AutoencoderScorer) f.scorer();
        double[][] fresh = encoded(Fixtures.synthetic(2000, 99), true);
        double[][] z = ae.standardiser().applyAll(fresh);
        // Rebuilding every row as the normal mean (all zeros) would cost the mean squared standardised value.
        double zeros = Arrays.stream(z).mapToDouble(r -> Arrays.stream(r).map(v -> v * v).sum() / r.length).average().orElseThrow();
        double error = Arrays.stream(ae.scoreAll(fresh)).average().orElseThrow();
        assertThat(error).isLessThan(0.6 * zeros);
    }

    @Test
    void thresholdIsTheQuantileOfTheHeldOutThresholdRows() {
        LearnNormalTrainer.Split s = split();
        for (LearnNormalTrainer.Fitted f : new LearnNormalTrainer.Fitted[] {new LearnNormalTrainer(CONFIG).oneClassSvm(s),
            new LearnNormalTrainer(CONFIG).autoencoder(s)}) {
            double[] held = f.scorer().scoreAll(s.threshold());
            long above = Arrays.stream(held).filter(v -> v > f.threshold()).count();
            long atOrBelow = held.length - above;
            // The ceil(0.995 n)-th smallest: at least that many at or below it, and it is one of the scores.
            assertThat(atOrBelow).isGreaterThanOrEqualTo((long) Math.ceil(0.995 * held.length));
            assertThat(above).isLessThanOrEqualTo(held.length - (long) Math.ceil(0.995 * held.length));
            assertThat(held).contains(f.threshold());
        }
    }

    @Test
    void quantileTakesTheCeilingRank() {
        double[] v = IntStream.rangeClosed(1, 200).mapToDouble(i -> i).toArray();
        assertThat(LearnNormalTrainer.quantile(v, 0.995)).isEqualTo(199.0);
        assertThat(LearnNormalTrainer.quantile(v, 0.5)).isEqualTo(100.0);
    }

    @Test
    void compiledOneClassSvmIsSmilesDecisionWithTheSignTurned() {
        double[][] z = Standardiser.fit(split().fit()).applyAll(Arrays.copyOf(split().fit(), 300));
        double gamma = 1.0 / 41;
        SVM<double[]> svm = SVM.fit(z, new GaussianKernel(Math.sqrt(1.0 / (2.0 * gamma))), new SVM.Options(0.05, 1e-3));
        OneClassSvmScorer c = OneClassSvmScorer.of(Standardiser.fit(split().fit()), svm, gamma, 0.05);
        for (double[] row : Arrays.copyOf(z, 50)) {
            assertThat(c.scoreStandardised(row)).isCloseTo(-svm.score(row), org.assertj.core.data.Offset.offset(1e-9));
        }
    }
}

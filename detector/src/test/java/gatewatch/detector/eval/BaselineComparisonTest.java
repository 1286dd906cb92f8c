package gatewatch.detector.eval;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.detector.anomaly.LearnNormalConfig;
import gatewatch.detector.testing.Fixtures;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each learn-normal model alone and in the ensemble's place for the isolation forest, on the fixture's rows. */
class BaselineComparisonTest {
    @Test
    void everyModelAloneAndInTheEnsembleWhoseAlertsAreTheSupervisedOnesOrTheBaselines() {
        BaselineComparison.Result r = new BaselineComparison(Fixtures.tiny(), LearnNormalConfig.defaults().small(300, 8))
                .run(Fixtures.synthetic(3000, 7), Fixtures.synthetic(1500, 8));
        Map<String, BaselineComparison.ModelResult> m = r.models().stream()
                .collect(Collectors.toMap(BaselineComparison.ModelResult::model, Function.identity()));
        assertThat(r.models()).extracting(BaselineComparison.ModelResult::model).containsExactly("supervised", "iforest", "ocsvm",
                "autoencoder", "supervised+iforest", "supervised+ocsvm", "supervised+autoencoder");
        assertThat(r.testRows()).isEqualTo(1500);
        BaselineComparison.ModelResult supervised = m.get("supervised");
        for (String b : new String[] {"iforest", "ocsvm", "autoencoder"}) {
            BaselineComparison.ModelResult alone = m.get(b);
            BaselineComparison.ModelResult both = m.get("supervised+" + b);
            // An alert of the ensemble is an alert of either; so at least as many of each, at most the sum.
            assertThat(both.detection()).isGreaterThanOrEqualTo(Math.max(supervised.detection(), alone.detection()))
                    .isLessThanOrEqualTo(supervised.detection() + alone.detection() + 1e-12);
            assertThat(both.falseAlerts()).isGreaterThanOrEqualTo(Math.max(supervised.falseAlerts(), alone.falseAlerts()))
                    .isLessThanOrEqualTo(supervised.falseAlerts() + alone.falseAlerts() + 1e-12);
            assertThat(alone.rocAuc()).isBetween(0.5, 1.0);
            assertThat(alone.rowsPerSecond()).isPositive();
            assertThat(alone.bytes()).isPositive();
        }
        // The fixture's attacks are far from its normal rows: every model ranks them well.
        assertThat(m.get("supervised+autoencoder").rocAuc()).isGreaterThan(0.9);
    }
}

package gatewatch.features.window.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.Service;
import gatewatch.features.testing.SharedData;
import gatewatch.features.window.ErrorClass;
import gatewatch.features.window.analysis.TrafficFeatureAnalysis.Report;
import gatewatch.features.window.analysis.TrafficFeatureAnalysis.Rounding;
import gatewatch.features.window.analysis.TrafficFeatureAnalysis.Window;
import gatewatch.features.window.analysis.TrafficFeatureAnalysis.WindowStats;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relations of the training data that the window definitions rely on
 * (docs/FEATURES.md). One pass over {@code kddcup.data_10_percent.gz}.
 */
class TrafficFeatureAnalysisTest {
    private static Report report;

    @BeforeAll
    static void analyse() throws Exception {
        report = TrafficFeatureAnalysis.analyse(SharedData.require("data/kddcup.data_10_percent.gz"));
    }

    @Test
    void countsAreCappedAt511And255() {
        assertThat(report.rows()).isEqualTo(494_021);
        assertThat(report.max()).containsEntry(KddFeature.COUNT, 511.0).containsEntry(KddFeature.SRV_COUNT, 511.0)
                .containsEntry(KddFeature.DST_HOST_COUNT, 255.0).containsEntry(KddFeature.DST_HOST_SRV_COUNT, 255.0);
        assertThat(report.windows().get(Window.HOST_HOST).rowsAtCap()).isEqualTo(432_829);
        assertThat(report.windows().get(Window.HOST_SERVICE).rowsAtCap()).isEqualTo(337_746);
        // Five odd rows with an empty window: gatewatch always counts the connection itself.
        assertThat(report.zeroCountRows()).isEqualTo(2);
        assertThat(report.zeroDstHostCountRows()).isEqualTo(3);
    }

    @Test
    void everyWindowIncludesTheCurrentConnectionAndTheErrorSetsAreTheseFlags() {
        Map<Window, Long> countOne = Map.of(Window.TIME_HOST, 39_214L, Window.TIME_SERVICE, 37_001L,
                Window.HOST_HOST, 2_884L, Window.HOST_SERVICE, 11_895L);
        countOne.forEach((w, rows) -> {
            WindowStats s = report.windows().get(w);
            assertThat(s.rowsWithCountOne()).as("%s rows with count 1", w).isEqualTo(rows);
            assertThat(s.countOneErrorViolations()).as("%s: error rates = the flag's class", w).isZero();
            assertThat(s.countOneSameViolations()).as("%s: same 1, diff 0", w).isZero();
        });
        // Every flag of the data occurs alone in a window, so each one's class is observed.
        assertThat(report.flagsAtCountOne().get(Window.TIME_HOST).keySet()).containsExactlyInAnyOrder(
                KddFlag.SF, KddFlag.S0, KddFlag.REJ, KddFlag.RSTO, KddFlag.RSTR, KddFlag.RSTOS0, KddFlag.SH,
                KddFlag.S1, KddFlag.S2, KddFlag.S3, KddFlag.OTH);
        assertThat(report.flagsAtCountOne().get(Window.TIME_HOST).get(KddFlag.SH)).isEqualTo("serror=1.0 rerror=0.0");
        assertThat(report.flagsAtCountOne().get(Window.TIME_HOST).get(KddFlag.RSTOS0)).isEqualTo("serror=0.0 rerror=1.0");
        assertThat(ErrorClass.of(KddFlag.SH)).isEqualTo(ErrorClass.SYN);
    }

    @Test
    void ratesAreFloatQuotientsPrintedWithTwoDecimals() {
        long values = report.ratesWithSmallDenominator();
        assertThat(values).isEqualTo(1_356_687);
        assertThat(report.ratesReproduced()).containsEntry(Rounding.FLOAT_PRINTF, values)
                .containsEntry(Rounding.DOUBLE_PRINTF, values - 166)
                .containsEntry(Rounding.EXACT_HALF_UP, values - 2_106);
    }

    @Test
    void differentServiceAndHostRatesCountDistinctValuesNotConnections() {
        for (Window w : new Window[] {Window.TIME_HOST, Window.HOST_HOST}) {
            WindowStats s = report.windows().get(w);
            assertThat(s.diffDistinctViolations()).as("%s distinct services", w).isZero();
            assertThat(s.diffHostDistinctViolations()).as("%s distinct hosts", w).isZero();
        }
        assertThat(report.windows().get(Window.TIME_HOST).diffComplementViolations()).isEqualTo(109_682);
        assertThat(report.windows().get(Window.TIME_HOST).diffHostComplementViolations()).isEqualTo(31_297);
        assertThat(report.windows().get(Window.HOST_HOST).diffComplementViolations()).isEqualTo(143_531);
        assertThat(report.windows().get(Window.HOST_HOST).diffHostComplementViolations()).isEqualTo(51_623);
    }

    @Test
    void hostAndServiceCountsComeFromOneGlobalWindowOfBoundedSize() {
        for (Window w : new Window[] {Window.TIME_HOST, Window.HOST_HOST}) {
            WindowStats s = report.windows().get(w);
            assertThat(s.sameAboveServiceCount()).as("%s same host+service <= service count", w).isZero();
            assertThat(s.unionAboveCap()).as("%s host + service - both <= cap", w).isZero();
            assertThat(s.fullWindowSameNotServiceRatio()).as("%s full window: same = srv/cap", w).isZero();
            assertThat(s.fullWindowDiffHostNonZero()).as("%s full window: no other host", w).isZero();
        }
        assertThat(report.windows().get(Window.TIME_HOST).fullWindowRows()).isEqualTo(1_337);
        assertThat(report.windows().get(Window.HOST_HOST).fullWindowRows()).isEqualTo(130_411);
        assertThat(report.dstHostSrvCountAboveDstHostCount()).isEqualTo(47_841);
        // A flood that fills the window still loses a slot or two to other hosts' connections:
        // counts just below 511 are common, which a capped unbounded count would not give.
        assertThat(report.smurfCounts()).containsEntry(511, 227_106L).containsEntry(510, 26_388L)
                .containsEntry(509, 5_397L);
        // same_srv_rate x count is the same-host part of srv_count, not srv_count.
        assertThat(report.smallCountRows()).isEqualTo(108_583);
        assertThat(report.sameTimesCountIsServiceCount()).isEqualTo(74_169);
    }

    @Test
    void privateAndOtherAreNotOneServiceEach() {
        var same = report.sameServiceInFullWindows();
        assertThat(same.get(Service.PRIVATE).rows()).isEqualTo(67_119);
        assertThat(same.get(Service.PRIVATE).median()).isEqualTo(0.04);
        assertThat(same.get(Service.OTHER).rows()).isEqualTo(4_436);
        assertThat(same.get(Service.OTHER).max()).isEqualTo(0.02);
        // Named services in the same situation are one service: the rate is about 1.
        assertThat(same.get(Service.HTTP).median()).isEqualTo(1.0);
        assertThat(same.get(Service.ECR_I).median()).isEqualTo(1.0);
        assertThat(report.neptunePrivateRows()).isEqualTo(101_317);
        assertThat(report.neptuneRows()).isEqualTo(107_201);
    }
}

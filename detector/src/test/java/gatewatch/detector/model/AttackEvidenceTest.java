package gatewatch.detector.model;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AttackEvidenceTest {
    private static double[] quiet() {
        double[] r = new double[KddFeature.COUNT_OF_FEATURES];
        r[KddFeature.COUNT.ordinal()] = 300;
        r[KddFeature.SRV_COUNT.ordinal()] = 300;
        r[KddFeature.DST_HOST_COUNT.ordinal()] = 255;
        r[KddFeature.DST_HOST_SRV_COUNT.ordinal()] = 255;
        r[KddFeature.SAME_SRV_RATE.ordinal()] = 1.0;
        r[KddFeature.SERROR_RATE.ordinal()] = 0.49;
        return r;
    }

    @Test
    void aBusyWindowOfSuccessfulConnectionsIsNoEvidence() {
        assertThat(AttackEvidence.present(quiet(), 0)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = KddFeature.class, names = {"SERROR_RATE", "SRV_SERROR_RATE", "RERROR_RATE", "SRV_RERROR_RATE",
        "DST_HOST_SERROR_RATE", "DST_HOST_SRV_SERROR_RATE", "DST_HOST_RERROR_RATE", "DST_HOST_SRV_RERROR_RATE"})
    void halfTheWindowFailingIsEvidence(KddFeature rate) {
        double[] r = quiet();
        r[rate.ordinal()] = 0.5;
        assertThat(AttackEvidence.present(r, 0)).isTrue();
    }

    @Test
    void aRateOverFewerConnectionsThanTheLeastWindowIsNoEvidence() {
        // One unanswered SYN to port 80 (an app's dead host): every rate 1.0, over one to four connections.
        double[] r = new double[KddFeature.COUNT_OF_FEATURES];
        for (int i = 0; i < AttackEvidence.ERROR_RATES.length; i++) {
            r[AttackEvidence.ERROR_RATES[i]] = 1.0;
        }
        for (int n = 1; n < AttackEvidence.MIN_WINDOW; n++) {
            r[KddFeature.COUNT.ordinal()] = n;
            r[KddFeature.SRV_COUNT.ordinal()] = n;
            r[KddFeature.DST_HOST_COUNT.ordinal()] = n;
            r[KddFeature.DST_HOST_SRV_COUNT.ordinal()] = n;
            assertThat(AttackEvidence.present(r, 0)).as("a window of %d", n).isFalse();
        }
        r[KddFeature.DST_HOST_SRV_COUNT.ordinal()] = AttackEvidence.MIN_WINDOW;
        assertThat(AttackEvidence.present(r, 0)).as("a slow sweep: the host window's same-service connections failed").isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = KddFeature.class, names = {"NUM_FAILED_LOGINS", "WRONG_FRAGMENT", "LAND"})
    void aFailedLoginAWrongFragmentOrALandPacketIsEvidence(KddFeature f) {
        double[] row = new double[3 + KddFeature.COUNT_OF_FEATURES];
        System.arraycopy(quiet(), 0, row, 3, KddFeature.COUNT_OF_FEATURES);
        row[3 + f.ordinal()] = 1;
        assertThat(AttackEvidence.present(row, 3)).as("read at the offset").isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Service.class, names = {"HTTP", "HTTP_443", "HTTP_8001", "HTTP_2784"})
    void anHttpRequestThatMatchedAnAttackSignatureIsEvidence(Service http) {
        double[] r = quiet();
        r[KddFeature.SERVICE.ordinal()] = http.ordinal();
        assertThat(AttackEvidence.present(r, 0)).as("no hot indicator").isFalse();
        r[KddFeature.HOT.ordinal()] = 1;
        assertThat(AttackEvidence.present(r, 0)).isTrue();
    }

    @Test
    void aWrongFragmentOrLandNamesDosAFailedLoginOrAnHttpSignatureNamesR2lAndFailedWindowsNameNone() {
        double[] r = quiet();
        r[KddFeature.SERROR_RATE.ordinal()] = 1.0;
        assertThat(AttackEvidence.present(r, 0)).isTrue();
        assertThat(AttackEvidence.namedCategory(r, 0)).as("a flood and a scan both fail").isNull();
        r[KddFeature.NUM_FAILED_LOGINS.ordinal()] = 1;
        assertThat(AttackEvidence.namedCategory(r, 0)).isEqualTo(Category.R2L);
        r[KddFeature.WRONG_FRAGMENT.ordinal()] = 1;
        assertThat(AttackEvidence.namedCategory(r, 0)).as("fragments first").isEqualTo(Category.DOS);
        double[] land = quiet();
        land[KddFeature.LAND.ordinal()] = 1;
        assertThat(AttackEvidence.namedCategory(land, 0)).isEqualTo(Category.DOS);
        double[] http = quiet();
        http[KddFeature.SERVICE.ordinal()] = Service.HTTP.ordinal();
        http[KddFeature.HOT.ordinal()] = 2;
        assertThat(AttackEvidence.namedCategory(http, 0)).isEqualTo(Category.R2L);
        http[KddFeature.SERVICE.ordinal()] = Service.TELNET.ordinal();
        assertThat(AttackEvidence.namedCategory(http, 0)).as("hot outside http is no evidence").isNull();
    }

    @ParameterizedTest
    @EnumSource(value = Service.class, names = {"TELNET", "FTP", "FTP_DATA", "LOGIN", "OTHER"})
    void hotElsewhereIsNoEvidence(Service s) {
        // An administrator's telnet session into /etc or a guest's ftp commands are hot in KDD's normal traffic.
        double[] r = quiet();
        r[KddFeature.SERVICE.ordinal()] = s.ordinal();
        r[KddFeature.HOT.ordinal()] = 3;
        assertThat(AttackEvidence.present(r, 0)).isFalse();
    }
}

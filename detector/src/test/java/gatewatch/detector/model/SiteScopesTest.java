package gatewatch.detector.model;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.kdd.KddCsv;
import gatewatch.features.kdd.KddFeature;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rules by which a site baseline never clears volume or error evidence, on synthetic records. */
class SiteScopesTest {
    /** A web connection with the given window counts and rates. */
    private static double[] http(int count, int dstHostSrvCount, double rerror, int failed) {
        return http("SF", count, dstHostSrvCount, rerror, failed);
    }

    private static double[] http(String flag, int count, int dstHostSrvCount, double rerror, int failed) {
        return KddCsv.parse(String.format(Locale.ROOT, "0,tcp,http,%s,300,2000,0,0,0,0,%d,1,0,0,0,0,0,0,0,0,0,0,%d,%d,0.00,0.00,"
                + "%.2f,%.2f,1.00,0.00,0.00,%d,%d,1.00,0.00,0.10,0.00,0.00,0.00,%.2f,%.2f", flag, failed, count, count, rerror,
                rerror, dstHostSrvCount, dstHostSrvCount, rerror, rerror)).record().toArray();
    }

    private static double[] with(double[] row, KddFeature f, double v) {
        double[] r = row.clone();
        r[f.ordinal()] = v;
        return r;
    }

    /** A site whose web connections came 1 to 20 in two seconds, up to 100 to a host, errors up to 0.2. */
    private static final SiteScopes SITE = SiteScopes.learn(IntStream.range(0, 300)
            .mapToObj(i -> http(1 + i % 20, 1 + i % 100, (i % 3) * 0.1, 0)).toArray(double[][]::new), 1.0);

    @Test
    void whatTheSiteShowedForTheScopeHasNoEvidence() {
        assertThat(SITE.evidence(http(20, 100, 0.2, 0), 0)).isNull();
        assertThat(SITE.evidence(http(1, 1, 0, 0), 0)).isNull();
        assertThat(SITE.keys()).hasSize(1);
        assertThat(SITE.counts()).containsExactly(300);
    }

    @Test
    void moreVolumeThanTheScopeHadIsEvidence() {
        assertThat(SITE.evidence(http(21, 100, 0, 0), 0)).isEqualTo("count");
        assertThat(SITE.evidence(http(20, 101, 0, 0), 0)).isEqualTo("dst_host_count");
        assertThat(SITE.evidence(with(http(5, 5, 0, 0), KddFeature.DIFF_SRV_RATE, 0.5), 0)).isEqualTo("diff_srv_rate");
        assertThat(SITE.evidence(with(http(5, 5, 0, 0), KddFeature.DST_HOST_SAME_SRC_PORT_RATE, 0.9), 0))
                .isEqualTo("dst_host_same_src_port_rate");
    }

    @Test
    void highErrorRatesAndFailedLoginsAreEvidenceWhateverTheSiteDid() {
        // A site whose own web connections were often refused still cannot clear a REJ flood.
        SiteScopes noisy = SiteScopes.learn(IntStream.range(0, 300).mapToObj(i -> http(i % 2 == 0 ? "REJ" : "SF", 50, 255,
                1.0, 0)).toArray(double[][]::new), 1.0);
        assertThat(noisy.evidence(http("REJ", 50, 255, 1.0, 0), 0)).isEqualTo("rerror_rate");
        assertThat(noisy.evidence(with(http("S0", 50, 255, 0, 0), KddFeature.DST_HOST_SRV_SERROR_RATE, 0.5), 0))
                .isEqualTo("dst_host_srv_serror_rate");
        // Its established connections in such windows are what it always had.
        assertThat(noisy.evidence(http("SF", 50, 255, 1.0, 0), 0)).isNull();
        // A lone failed attempt is not a burst; within the scope's bounds it may be cleared.
        assertThat(SITE.evidence(http("S0", 5, 5, 0.2, 0), 0)).isNull();
        assertThat(SITE.evidence(http(5, 5, 0, 1), 0)).isEqualTo("num_failed_logins");
    }

    @Test
    void anEstablishedConnectionsErrorRatesAreHeldToItsScope() {
        assertThat(SITE.evidence(http("SF", 5, 5, 0.3, 0), 0)).isEqualTo("rerror_rate");
    }

    @Test
    void aScopeTheSiteNeverHadIsEvidence() {
        double[] ssh = KddCsv.parse("0,tcp,ssh,SF,300,2000,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,1,1,0.00,0.00,0.00,0.00,1.00,"
                + "0.00,0.00,1,1,1.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00").record().toArray();
        assertThat(SITE.evidence(ssh, 0)).isEqualTo("service");
        double[] udp = with(http(1, 1, 0, 0), KddFeature.PROTOCOL_TYPE, 1);
        assertThat(SiteScopes.key(udp, 0)).isNotEqualTo(SiteScopes.key(http(1, 1, 0, 0), 0));
    }

    @Test
    void theUpperBoundIsAQuantileNotTheMaximum() {
        SiteScopes q = SiteScopes.learn(IntStream.range(0, 1000).mapToObj(i -> http(i < 990 ? 10 : 200, 10, 0, 0))
                .toArray(double[][]::new), 0.99);
        assertThat(q.evidence(http(10, 10, 0, 0), 0)).isNull();
        assertThat(q.evidence(http(200, 10, 0, 0), 0)).isEqualTo("count");
    }
}

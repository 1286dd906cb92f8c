package gatewatch.detector.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.detector.model.Category;
import gatewatch.detector.model.Ensemble;
import gatewatch.detector.model.SiteBaseline;
import gatewatch.detector.model.Verdict;
import gatewatch.features.kdd.KddCsv;
import gatewatch.features.kdd.KddRecord;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A site whose everyday traffic the bundled model calls an attack: SSH sessions, 100 to 199 of
 * them to one host in two seconds (a busy jump host). Learned as the site's baseline, those are no
 * longer alerted; what the site never did in that way (more of them than it ever had, another
 * service, half-open ones, failed logins) still is.
 */
class SiteLearnerTest {
    private static Ensemble model;
    private static SiteBaseline site;

    /** An SSH session, {@code count} of them in the 2-second window, with {@code flag} and error rate. */
    private static KddRecord session(String proto, String service, String flag, int count, double serror, int failed) {
        String line = String.format(Locale.ROOT, "0,%s,%s,%s,2000,3000,0,0,0,0,%d,0,0,0,0,0,0,0,0,0,0,0,%d,%d,%.2f,%.2f,"
                + "0.00,0.00,1.00,0.00,0.00,255,255,1.00,0.00,0.00,0.00,%.2f,%.2f,0.00,0.00", proto, service, flag, failed,
                count, count, serror, serror, serror, serror);
        return KddCsv.parse(line).record();
    }

    private static KddRecord ssh(int count) {
        return session("tcp", "ssh", "SF", count, 0, 0);
    }

    @BeforeAll
    static void learn() {
        model = Ensemble.loadDefault();
        double[][] rows = IntStream.range(0, 400).mapToObj(i -> ssh(100 + i % 100).toArray()).toArray(double[][]::new);
        site = new SiteLearner(0.995, 7).learn(model, rows);
    }

    @Test
    void whatTheSiteDoesEveryDayIsNoLongerAnAlert() {
        KddRecord usual = ssh(150);
        assertThat(model.score(usual).isAlert()).isTrue();
        Verdict withSite = model.withSite(site).score(usual);
        assertThat(withSite.category()).isEqualTo(Category.NORMAL);
        assertThat(withSite.label()).isEqualTo(Verdict.SITE_TYPICAL);
        assertThat(withSite.siteTypical()).isTrue();
        assertThat(withSite.reasons()).isEmpty();
    }

    @Test
    void whatTheSiteNeverDidThatWayStaysAnAlert() {
        Ensemble withSite = model.withSite(site);
        for (KddRecord r : new KddRecord[] {
            ssh(400), // count above any the site had for SSH
            session("udp", "private", "SF", 150, 0, 0), // a scope the site never had, at a count it had for SSH
            session("tcp", "ssh", "S0", 150, 1.0, 0), // half-open: a SYN flood on the site's own service
            session("tcp", "ssh", "SF", 150, 0, 1)}) { // a failed login
            assertThat(model.score(r).isAlert()).as(r.toKddCsv()).isTrue();
            assertThat(withSite.score(r)).as(r.toKddCsv()).isEqualTo(model.score(r));
        }
    }

    @Test
    void theBaselineRecordsWhatItWasLearnedFrom() {
        assertThat(site.connections()).isEqualTo(400);
        assertThat(site.modelVersion()).isEqualTo(model.modelVersion());
        assertThat(site.quantile()).isEqualTo(0.995);
        assertThat(site.threshold()).isBetween(0.0, 1.0);
    }

    @Test
    void aBaselineOfAnotherModelOrTooFewConnectionsIsRefused() {
        SiteBaseline other = new SiteBaseline(site.low(), site.high(), site.seen(), site.scorer(), site.threshold(),
                site.quantile(), site.connections(), "gw1-000000000000", site.scopes());
        assertThatThrownBy(() -> model.withSite(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gw1-000000000000").hasMessageContaining("gatewatch learn");
        double[][] few = IntStream.range(0, SiteLearner.MIN_CONNECTIONS - 1)
                .mapToObj(i -> ssh(150).toArray()).toArray(double[][]::new);
        assertThatThrownBy(() -> new SiteLearner(0.995, 7).learn(model, few))
                .hasMessageContaining("too few connections");
    }
}

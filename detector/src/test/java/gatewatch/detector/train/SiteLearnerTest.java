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
 * A site whose everyday traffic the bundled model calls an attack: half-open connections to a
 * private service, 150 to 249 of them in two seconds (as a site with a busy, badly answering
 * service might have). Learned as the site's baseline, those are no longer alerted; what the site
 * never did in that way (more of them than it ever had, another service) still is.
 */
class SiteLearnerTest {
    private static Ensemble model;
    private static SiteBaseline site;

    /** A half-open connection to a private service, {@code count} of them in the 2-second window. */
    private static KddRecord halfOpen(String service, int count, int srcPort) {
        String line = String.format(Locale.ROOT, "0,tcp,%s,S0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,%d,%d,1.00,1.00,0.00,0.00,"
                + "0.10,0.06,0.00,255,%d,0.08,0.07,0.00,0.00,1.00,1.00,0.00,0.00", service, count, 10 + srcPort % 20,
                10 + srcPort % 20);
        return KddCsv.parse(line).record();
    }

    @BeforeAll
    static void learn() {
        model = Ensemble.loadDefault();
        double[][] rows = IntStream.range(0, 400).mapToObj(i -> halfOpen("private", 150 + i % 100, i).toArray())
                .toArray(double[][]::new);
        site = new SiteLearner(0.995, 7).learn(model, rows);
    }

    @Test
    void whatTheSiteDoesEveryDayIsNoLongerAnAlert() {
        KddRecord usual = halfOpen("private", 200, 3);
        assertThat(model.score(usual).category()).isEqualTo(Category.DOS);
        Verdict withSite = model.withSite(site).score(usual);
        assertThat(withSite.category()).isEqualTo(Category.NORMAL);
        assertThat(withSite.label()).isEqualTo(Verdict.SITE_TYPICAL);
        assertThat(withSite.siteTypical()).isTrue();
        assertThat(withSite.reasons()).isEmpty();
    }

    @Test
    void whatTheSiteNeverDidThatWayStaysAnAlert() {
        Ensemble withSite = model.withSite(site);
        KddRecord more = halfOpen("private", 400, 3); // count above any the site had
        assertThat(withSite.score(more)).isEqualTo(model.score(more));
        assertThat(withSite.score(more).category()).isEqualTo(Category.DOS);
        KddRecord otherService = halfOpen("telnet", 200, 3); // a service the site never used
        assertThat(withSite.score(otherService)).isEqualTo(model.score(otherService));
        assertThat(model.score(otherService).isAlert()).isTrue();
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
                site.quantile(), site.connections(), "gw1-000000000000");
        assertThatThrownBy(() -> model.withSite(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gw1-000000000000").hasMessageContaining("gatewatch learn");
        double[][] few = IntStream.range(0, SiteLearner.MIN_CONNECTIONS - 1)
                .mapToObj(i -> halfOpen("private", 150, i).toArray()).toArray(double[][]::new);
        assertThatThrownBy(() -> new SiteLearner(0.995, 7).learn(model, few))
                .hasMessageContaining("too few connections");
    }
}

package gatewatch.detector.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gatewatch.detector.data.LabelledData;
import gatewatch.detector.model.Category;
import gatewatch.detector.model.Ensemble;
import gatewatch.detector.model.ModelPayload;
import gatewatch.detector.model.SiteBaseline;
import gatewatch.detector.model.Verdict;
import gatewatch.detector.testing.Fixtures;
import gatewatch.features.kdd.KddCsv;
import gatewatch.features.kdd.KddRecord;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A site whose everyday traffic the model calls an attack (as a model of KDD'99 alone did: 104 of its
 * 105 {@code ssh} records are attacks): SSH sessions, 100 to 199 of
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
        // The model: simple synthetic traffic, plus SSH sessions at any count and UDP to private
        // ports labelled as attacks, so that it alerts both whatever the window says.
        double[][] attacks = IntStream.range(0, 600).mapToObj(i -> (i % 2 == 0 ? ssh(20 + i % 480)
                : session("udp", "private", "SF", 20 + i % 480, 0, 0)).toArray()).toArray(double[][]::new);
        String[] labels = IntStream.range(0, 600).mapToObj(i -> i % 2 == 0 ? "warezmaster" : "satan")
                .toArray(String[]::new);
        Category[] categories = IntStream.range(0, 600).mapToObj(i -> i % 2 == 0 ? Category.R2L : Category.PROBE)
                .toArray(Category[]::new);
        int[] difficulty = new int[600];
        java.util.Arrays.fill(difficulty, -1);
        LabelledData training = Fixtures.synthetic(3000, 11).concat(new LabelledData(attacks, labels, categories, difficulty));
        model = new Trainer(Fixtures.tiny()).train(training, "SiteLearnerTest").ensemble();
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

    /**
     * The same model, but with the SSH label one the training data showed only in volume (as a
     * flood's is): the site's busy SSH is then a flood verdict, which no baseline clears.
     */
    @Test
    void aFloodVerdictIsNeverTheSitesHabit() {
        ModelPayload p = model.payload();
        int[] volume = new int[p.labelNames().length];
        volume[java.util.Arrays.asList(p.labelNames()).indexOf("warezmaster")] = 20;
        Ensemble floods = Ensemble.of(model.header(), new ModelPayload(p.encoder(), p.labelForest(), p.labelNames(),
                p.labelCategories(), p.categoryBoost(), p.baseline(), p.anomalyThreshold(), p.forestWeight(),
                p.costSensitive(), p.importance(), p.normalCenter(), p.normalScale(), p.summary(), p.alertFloor(), volume, p.labelServices()));
        KddRecord usual = ssh(150);
        assertThat(model.withSite(site).score(usual).siteTypical()).as("cleared as a habit without the volume rule").isTrue();
        Verdict v = floods.withSite(site).score(usual);
        assertThat(v.isAlert()).as("a flood verdict with the site baseline").isTrue();
        assertThat(v).isEqualTo(floods.score(usual));
        // And without volume the label is not believed: a quiet SSH session is no flood.
        KddRecord quiet = ssh(5);
        assertThat(model.score(quiet).category()).as("the model without the rule").isEqualTo(Category.R2L);
        assertThat(floods.score(quiet).category()).isIn(Category.NORMAL, Category.ANOMALY);
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

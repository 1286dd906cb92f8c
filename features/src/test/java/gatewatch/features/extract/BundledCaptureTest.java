package gatewatch.features.extract;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.kdd.KddFeature;
import gatewatch.features.kdd.KddFlag;
import gatewatch.features.kdd.KddRecord;
import gatewatch.features.kdd.Service;
import gatewatch.features.testing.BundledCapture;
import gatewatch.features.testing.CaptureFiles;
import gatewatch.features.truth.Labeller;
import gatewatch.features.truth.TruthFile;
import gatewatch.features.truth.TruthRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled capture through the whole extractor: every frame decodes, each attack's connections
 * end in the states and carry the features of the KDD class it imitates, and the records are
 * exactly the committed {@code gatewatch features} output. Needs no {@code ../shared}.
 */
class BundledCaptureTest {
    @TempDir
    static Path tmp;

    private static FeatureExtractor extractor;
    private static final List<ConnectionRecord> RECORDS = new ArrayList<>();
    /** Label of each record (same order as {@link #RECORDS}). */
    private static final List<String> LABELS = new ArrayList<>();

    @BeforeAll
    static void extract() throws Exception {
        extractor = new FeatureExtractor(FeatureExtractor.ExtractorConfig.defaults(), RECORDS::add);
        CaptureFiles.read(BundledCapture.PCAP.copyTo(tmp), extractor);
        extractor.finish();
        Labeller labeller = new Labeller(TruthFile.read(BundledCapture.TRUTH.copyTo(tmp)));
        for (ConnectionRecord r : RECORDS) {
            TruthRule rule = labeller.label(r.conn());
            LABELS.add(rule == null ? "unlabelled" : rule.label());
        }
    }

    private static List<KddRecord> labelled(String label) {
        List<KddRecord> out = new ArrayList<>();
        for (int i = 0; i < RECORDS.size(); i++) {
            if (LABELS.get(i).equals(label)) {
                out.add(RECORDS.get(i).features());
            }
        }
        assertThat(out).as("records labelled " + label).isNotEmpty();
        return out;
    }

    private static Set<KddFlag> flags(List<KddRecord> rs) {
        return rs.stream().map(KddRecord::flag).collect(Collectors.toSet());
    }

    private static double max(List<KddRecord> rs, KddFeature f) {
        return rs.stream().mapToDouble(r -> r.get(f)).max().orElseThrow();
    }

    @Test
    void everyFrameDecodesAsAPacket() {
        assertThat(extractor.decodeCounters().frames()).isEqualTo(BundledCapture.FRAMES);
        assertThat(extractor.decodeCounters().packets()).isEqualTo(BundledCapture.FRAMES);
        assertThat(extractor.decodeCounters().malformedTotal()).isZero();
        assertThat(extractor.decodeCounters().skippedTotal()).isZero();
    }

    @Test
    void everyConnectionHasItsTruthRule() {
        Map<String, Long> perLabel = LABELS.stream().collect(Collectors.groupingBy(l -> l, TreeMap::new, Collectors.counting()));
        assertThat(perLabel).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "guess_passwd", 10L, "ipsweep", 14L, "neptune", 25L, "normal", 20L, "portsweep", 25L, "smurf", 6L)));
    }

    @Test
    void recordsAreTheExpectedFeaturesOutput() throws Exception {
        List<String> expected = Files.readAllLines(BundledCapture.EXPECTED_KDD.copyTo(tmp));
        assertThat(RECORDS).extracting(r -> r.features().toKddCsv()).containsExactlyElementsOf(expected);
    }

    @Test
    void normalTcpSessionsCompleteAndLogIn() {
        List<KddRecord> tcp = labelled("normal").stream().filter(r -> r.service() != Service.DOMAIN_U).toList();
        assertThat(flags(tcp)).containsOnly(KddFlag.SF);
        assertThat(tcp).allSatisfy(r -> assertThat(r.get(KddFeature.LOGGED_IN)).as("logged_in").isEqualTo(1));
    }

    @Test
    void synFloodIsHalfOpenOrRejectedWithRisingCountAndSynErrors() {
        List<KddRecord> rs = labelled("neptune");
        assertThat(flags(rs)).containsOnly(KddFlag.S0, KddFlag.REJ);
        assertThat(rs).allSatisfy(r -> assertThat(r.get(KddFeature.SRC_BYTES)).as("src_bytes").isZero());
        assertThat(max(rs, KddFeature.COUNT)).as("count").isGreaterThanOrEqualTo(25);
        assertThat(max(rs, KddFeature.SERROR_RATE)).as("serror_rate").isGreaterThan(0.9);
    }

    @Test
    void portScanIsRejectedEverywhere() {
        List<KddRecord> rs = labelled("portsweep");
        assertThat(flags(rs)).containsOnly(KddFlag.REJ);
        assertThat(rs).allSatisfy(r -> assertThat(r.get(KddFeature.RERROR_RATE)).as("rerror_rate").isEqualTo(1.0));
        assertThat(max(rs, KddFeature.COUNT)).as("count").isEqualTo(25);
    }

    @Test
    void pingSweepIsEchoRequestsAndSmurfIsLargeEchoReplies() {
        assertThat(labelled("ipsweep")).extracting(KddRecord::service).contains(Service.ECO_I);
        assertThat(labelled("smurf")).allSatisfy(r -> {
            assertThat(r.service()).isEqualTo(Service.ECR_I);
            assertThat(r.get(KddFeature.SRC_BYTES)).as("src_bytes").isEqualTo(1032);
        });
    }

    @Test
    void guessedPasswordsFailWithoutLoggingIn() {
        List<KddRecord> rs = labelled("guess_passwd");
        assertThat(rs).extracting(KddRecord::service).containsOnly(Service.TELNET, Service.FTP);
        assertThat(rs).allSatisfy(r -> {
            assertThat(r.get(KddFeature.NUM_FAILED_LOGINS)).as("num_failed_logins").isGreaterThanOrEqualTo(1);
            assertThat(r.get(KddFeature.LOGGED_IN)).as("logged_in").isZero();
        });
        assertThat(flags(rs.stream().filter(r -> r.service() == Service.TELNET).toList())).containsOnly(KddFlag.RSTO);
    }
}

package gatewatch.synth.truth;

import static org.assertj.core.api.Assertions.assertThat;

import gatewatch.features.conn.ConnectionSummary;
import gatewatch.features.extract.ConnectionRecord;
import gatewatch.synth.Extracted;
import gatewatch.synth.SynthReport;
import gatewatch.synth.SynthSpec;
import gatewatch.synth.Synthesizer;
import gatewatch.synth.scenario.ScenarioKind;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthesizer's ground truth: one entry for every record the extractor makes, each with the scenario that made it. */
class SynthesizerTruthTest {
    private static final SynthSpec SPEC = SynthSpec.defaults().withConnections(2_000).withSeed(7);

    @TempDir
    static Path tmp;

    private static SynthReport report;
    private static GroundTruth truth;
    private static Path truthFile;
    private static List<ConnectionRecord> records;

    @BeforeAll
    static void synthesize() throws Exception {
        Path pcap = tmp.resolve("t.pcap");
        truthFile = tmp.resolve("truth.txt");
        truth = new GroundTruth();
        try (TruthFile file = TruthFile.create(truthFile, "test")) {
            report = Synthesizer.write(SPEC, pcap, truth.andThen(file));
        }
        records = Extracted.of(pcap).records();
    }

    @Test
    void everyRecordIsExactlyOneConnectionOfTheTruth() {
        assertThat(records).hasSize(SPEC.connections());
        assertThat(truth.size()).isEqualTo(SPEC.connections());
        BitSet matched = new BitSet();
        for (ConnectionRecord r : records) {
            ConnectionSummary c = r.conn();
            int i = truth.indexOf(c.startNanos(), c.protocol(), (int) c.origAddress().lo(), c.origPort(),
                    (int) c.respAddress().lo(), c.respPort());
            assertThat(i).as("truth of %s", c).isNotNegative();
            assertThat(matched.get(i)).as("matched twice: %s", c).isFalse();
            matched.set(i);
        }
        assertThat(matched.cardinality()).isEqualTo(truth.size());
    }

    @Test
    void theTruthCountsAreTheReportsAndTheKindsFitTheEpisodes() {
        assertThat(truth.counts()).isEqualTo(report.connections());
        Map<ScenarioKind, Set<String>> hosts = new EnumMap<>(ScenarioKind.class);
        Set<String> attackers = new HashSet<>();
        for (SynthReport.AttackEpisode e : report.episodes()) {
            Set<String> h = new HashSet<>(e.attackers());
            h.addAll(e.victims());
            hosts.put(e.kind(), h);
            attackers.addAll(e.attackers());
        }
        for (int i = 0; i < truth.size(); i++) {
            TrueConnection c = truth.get(i);
            String orig = gatewatch.synth.net.Ipv4.format(c.orig());
            String resp = gatewatch.synth.net.Ipv4.format(c.resp());
            if (c.kind().isAttack()) {
                assertThat(hosts.get(c.kind())).as("%s", c).contains(orig, resp);
            } else {
                assertThat(attackers).as("a normal connection from or to an attacker: %s", c).doesNotContain(orig, resp);
            }
        }
    }

    @Test
    void normalFtpDataIsNormalAndFtpGuessingIsGuessPasswd() {
        Map<String, Set<ScenarioKind>> kindsByService = new java.util.TreeMap<>();
        for (ConnectionRecord r : records) {
            ConnectionSummary c = r.conn();
            int i = truth.indexOf(c.startNanos(), c.protocol(), (int) c.origAddress().lo(), c.origPort(),
                    (int) c.respAddress().lo(), c.respPort());
            kindsByService.computeIfAbsent(c.service().kddName(), k -> new HashSet<>()).add(truth.kind(i));
        }
        assertThat(kindsByService.get("ftp_data")).containsExactly(ScenarioKind.NORMAL);
        assertThat(kindsByService.get("ftp")).containsExactlyInAnyOrder(ScenarioKind.NORMAL, ScenarioKind.GUESS_PASSWD_FTP);
        assertThat(kindsByService.get("domain_u")).containsExactly(ScenarioKind.NORMAL);
        assertThat(kindsByService.get("ecr_i")).containsExactlyInAnyOrder(ScenarioKind.SMURF, ScenarioKind.IPSWEEP);
    }

    @Test
    void theFileHasOneRuleAConnectionThatARuleReaderMatchesToTheSameTruth() throws Exception {
        List<String> lines = Files.readAllLines(truthFile);
        assertThat(lines.subList(0, 3)).containsExactly("# gatewatch truth v1",
                "# start end proto orig resp orig_port resp_port category label", "# test");
        TruthRules rules = TruthRules.read(truthFile);
        assertThat(rules.rules()).hasSize(SPEC.connections());
        for (ConnectionRecord r : records) {
            ConnectionSummary c = r.conn();
            // To the nanosecond, and as the records log writes it: to the microsecond, truncated.
            for (BigDecimal start : List.of(BigDecimal.valueOf(c.startNanos(), 9),
                    BigDecimal.valueOf(Math.floorDiv(c.startNanos(), 1_000L), 6))) {
                TruthRules.Rule rule = rules.match(start, c.transport(), c.origAddress().toString(), c.origPort(),
                        c.respAddress().toString(), c.respPort());
                assertThat(rule).as("rule for %s at %s", c, start).isNotNull();
                ScenarioKind kind = truth.kind(truth.indexOf(c.startNanos(), c.protocol(), (int) c.origAddress().lo(),
                        c.origPort(), (int) c.respAddress().lo(), c.respPort()));
                assertThat(rule.category() + " " + rule.label()).isEqualTo(kind.category() + " " + kind.kddLabel());
            }
            // A rule holds in its own direction only.
            assertThat(rules.match(BigDecimal.valueOf(c.startNanos(), 9), c.transport(), c.respAddress().toString(),
                    c.respPort(), c.origAddress().toString(), c.origPort())).isNull();
        }
    }
}

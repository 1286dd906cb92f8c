package gatewatch.sensor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gatewatch.synth.truth.TruthRules;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate --capture}: its counts per label and per capture against a recount made from
 * what {@code replay --records} wrote (every connection with its verdict) and the truth file, read
 * by {@link TruthRules} (written from docs/TRUTH.md; no code shared with the evaluator).
 */
class EvaluateCaptureTest {
    @TempDir
    Path dir;

    /** Per truth label: connections, alerted, alerted in its own category, every verdict. */
    static final class Count {
        String category;
        long connections;
        long alerted;
        long own;
        final Map<String, Long> verdicts = new TreeMap<>();
    }

    record Recount(Map<String, Count> labels, long records, long uncovered) {
    }

    static Recount recount(Path capture, Path truth, Path workDir, String... replayOptions) throws IOException {
        Path records = workDir.resolve(capture.getFileName() + ".records.json");
        Files.deleteIfExists(records);
        List<String> args = new ArrayList<>(List.of("replay", capture.toString(), "--records", records.toString(), "--alerts",
                workDir.resolve(capture.getFileName() + ".alerts.json").toString()));
        args.addAll(List.of(replayOptions));
        CliRun replay = CliRun.of(args.toArray(String[]::new));
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        TruthRules rules = TruthRules.read(truth);
        ObjectMapper json = new ObjectMapper();
        Map<String, Count> labels = new TreeMap<>();
        long n = 0;
        long uncovered = 0;
        for (String line : Files.readAllLines(records)) {
            JsonNode j = json.readTree(line);
            n++;
            Instant start = Instant.parse(j.get("flow").get("start").asText());
            BigDecimal seconds = BigDecimal.valueOf(start.getEpochSecond()).add(BigDecimal.valueOf(start.getNano(), 9));
            TruthRules.Rule rule = rules.match(seconds, j.get("proto").asText().toLowerCase(Locale.ROOT),
                    j.get("src_ip").asText(), j.get("src_port").asInt(), j.get("dest_ip").asText(), j.get("dest_port").asInt());
            if (rule == null) {
                uncovered++;
                continue;
            }
            Count c = labels.computeIfAbsent(rule.label(), k -> new Count());
            c.category = rule.category();
            c.connections++;
            String category = j.get("alert").get("category").asText();
            String label = j.get("alert").get("label").asText();
            if (!category.equals("normal")) {
                c.alerted++;
                c.own += category.equals(rule.category()) ? 1 : 0;
            }
            c.verdicts.merge(label.equals(category) ? category : category + "/" + label, 1L, Long::sum);
        }
        return new Recount(labels, n, uncovered);
    }

    static void assertLabels(JsonNode labels, Map<String, Count> expected) {
        Map<String, JsonNode> got = new TreeMap<>();
        labels.forEach(l -> got.put(l.get("label").asText(), l));
        assertThat(got.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((label, c) -> {
            JsonNode l = got.get(label);
            assertThat(l.get("category").asText()).as(label).isEqualTo(c.category);
            assertThat(l.get("connections").asLong()).as(label).isEqualTo(c.connections);
            assertThat(l.get("alerted").asLong()).as(label).isEqualTo(c.alerted);
            assertThat(l.get("alerted_share").asDouble()).as(label).isEqualTo((double) c.alerted / c.connections);
            if (c.category.equals("normal")) {
                assertThat(l.get("own_category").isNull()).as(label).isTrue();
            } else {
                assertThat(l.get("own_category").asLong()).as(label).isEqualTo(c.own);
            }
            Map<String, Long> verdicts = new TreeMap<>();
            l.get("verdicts").fields().forEachRemaining(f -> verdicts.put(f.getKey(), f.getValue().asLong()));
            assertThat(verdicts).as(label).isEqualTo(c.verdicts);
        });
    }

    @Test
    void aSynthesizedCaptureCountsAsReplayAndTheTruthRecount() throws IOException {
        Path pcap = dir.resolve("mix.pcap");
        Path truth = dir.resolve("mix.truth");
        CliRun synth = CliRun.of("synth", "--out", pcap.toString(), "--truth", truth.toString(), "--connections", "3000",
                "--seed", "7", "--mix", "normal=70,neptune=10,portsweep=10,smurf=5,guess_passwd_ftp=5");
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        Recount expected = recount(pcap, truth, dir);

        TrainCommandTest.Outcome o = TrainCommandTest.run(new EvaluateCommand(), "--capture", pcap.toString(), "--truth",
                truth.toString(), "--json");

        assertThat(o.exit()).as(o.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertThat(expected.labels().keySet()).contains("normal", "neptune", "portsweep", "smurf", "guess_passwd");
        assertThat(j.get("captures")).hasSize(1);
        JsonNode c = j.get("captures").get(0);
        assertThat(c.get("connections").asLong()).isEqualTo(expected.records());
        assertThat(c.get("uncovered").asLong()).isEqualTo(expected.uncovered()).isZero();
        assertLabels(c.get("labels"), expected.labels());
        assertLabels(j.get("labels"), expected.labels());
        assertThat(j.get("labels").get(0).get("label").asText()).isEqualTo("normal");
        // Some attack connections alerted, not all of them in their category, so each count is tested.
        assertThat(expected.labels().values().stream().mapToLong(x -> x.alerted).sum()).isPositive();
    }

    @Test
    void theLabFixturesPairByNameInTheirDirectoryAndCountAsTheRecount() throws Exception {
        Path fixtures = Path.of(EvaluateCaptureTest.class.getResource("/gatewatch/sensor/lab/fixtures/scan-nmap-syn.pcap").toURI())
                .getParent();
        Map<String, Count> all = new TreeMap<>();
        Map<String, Recount> per = new TreeMap<>();
        for (String name : new String[] {"bruteforce-ssh-hydra", "scan-nmap-syn"}) {
            Recount r = recount(fixtures.resolve(name + ".pcap"), fixtures.resolve(name + ".truth"), dir);
            per.put(name, r);
            r.labels().forEach((label, c) -> all.merge(label, c, (a, b) -> {
                throw new AssertionError("the fixtures have different labels");
            }));
        }
        assertThat(all.keySet()).containsExactly("portsweep", "ssh_guess");

        TrainCommandTest.Outcome o = TrainCommandTest.run(new EvaluateCommand(), "--capture", fixtures.toString(), "--json",
                "--report", dir.resolve("report").toString());
        TrainCommandTest.Outcome text = TrainCommandTest.run(new EvaluateCommand(), "--capture", fixtures.toString());

        assertThat(o.exit()).as(o.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertThat(j.get("captures")).hasSize(2);
        for (JsonNode c : j.get("captures")) {
            String name = Path.of(c.get("capture").asText()).getFileName().toString().replace(".pcap", "");
            assertThat(c.get("truth").get(0).asText()).endsWith(name + ".truth");
            assertThat(c.get("connections").asLong()).isEqualTo(per.get(name).records());
            assertThat(c.get("uncovered").asLong()).isZero();
            assertLabels(c.get("labels"), per.get(name).labels());
        }
        assertLabels(j.get("labels"), all);
        assertThat(text.exit()).as(text.err()).isZero();
        Count scan = all.get("portsweep");
        assertThat(text.out()).contains(String.format(Locale.ROOT, "%-28s %-16s %-8s %,11d %,8d %7.2f%% %7.2f%%", "",
                "portsweep", "probe", scan.connections, scan.alerted, 100.0 * scan.alerted / scan.connections,
                100.0 * scan.own / scan.connections));
        String html = Files.readString(dir.resolve("report/index.html"));
        assertThat(html).contains("<td class=\"l\">portsweep</td><td class=\"l\">probe</td><td>"
                + String.format(Locale.ROOT, "%,d</td><td>%,d</td>", scan.connections, scan.alerted));
        assertThat(html).contains("scan-nmap-syn.pcap").contains("bruteforce-ssh-hydra.pcap");
    }

    @Test
    void withASiteBaselineTheVerdictsAreReplaysWithIt() throws Exception {
        Path pcap = dir.resolve("site.pcap");
        Path truth = dir.resolve("site.truth");
        Path baseline = dir.resolve("site.gwb");
        CliRun synth = CliRun.of("synth", "--out", pcap.toString(), "--truth", truth.toString(), "--connections", "1500",
                "--seed", "3", "--mix", "normal=95,ipsweep=5");
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        CliRun learn = CliRun.of("learn", pcap.toString(), "--out", baseline.toString());
        assertThat(learn.exitCode()).as(learn.err()).isZero();
        Recount expected = recount(pcap, truth, dir, "--site-baseline", baseline.toString());
        Recount without = recount(pcap, truth, dir);

        TrainCommandTest.Outcome o = TrainCommandTest.run(new EvaluateCommand(), "--capture", pcap.toString(), "--truth",
                truth.toString(), "--site-baseline", baseline.toString(), "--json");

        assertThat(o.exit()).as(o.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertThat(j.get("site_baseline").asText()).isEqualTo(baseline.toString());
        assertLabels(j.get("labels"), expected.labels());
        // The baseline was applied: a connection the model alone alerted is site_typical with it. Learned
        // from this very capture, sweep included, it clears most of the sweep: learn only from trusted
        // traffic (learn warns). The model alerts none of the synthesizer's normal connections here.
        assertThat(expected.labels().values()).anySatisfy(l -> assertThat(l.verdicts).containsKey("normal/site_typical"));
        assertThat(without.labels().values()).allSatisfy(l -> assertThat(l.verdicts).doesNotContainKey("normal/site_typical"));
    }

    @Test
    void connectionsTheTruthDoesNotCoverAreCountedAndNamed() throws Exception {
        Path fixtures = Path.of(EvaluateCaptureTest.class.getResource("/gatewatch/sensor/lab/fixtures/scan-nmap-syn.pcap").toURI())
                .getParent();
        Path narrow = Files.writeString(dir.resolve("narrow.truth"),
                "# gatewatch truth v1\n* * tcp 10.77.1.2 10.77.2.2 * 1-100 probe portsweep\n");

        TrainCommandTest.Outcome o = TrainCommandTest.run(new EvaluateCommand(), "--capture",
                fixtures.resolve("scan-nmap-syn.pcap").toString(), "--truth", narrow.toString(), "--json");

        assertThat(o.exit()).as(o.err()).isZero();
        JsonNode c = new ObjectMapper().readTree(o.out()).get("captures").get(0);
        long covered = c.get("labels").get(0).get("connections").asLong();
        assertThat(covered).isBetween(100L, 200L); // ports 1-100, with nmap's retries
        assertThat(c.get("uncovered").asLong()).isEqualTo(c.get("connections").asLong() - covered).isPositive();
        assertThat(c.get("uncovered_examples")).hasSize(5);
        assertThat(c.get("uncovered_examples").get(0).asText()).contains("tcp 10.77.1.2 10.77.2.2");
    }

    @Test
    void usageErrorsNameTheProblem() throws Exception {
        Path pcap = Files.createFile(dir.resolve("lonely.pcap"));
        TrainCommandTest.Outcome none = TrainCommandTest.run(new EvaluateCommand(), "--capture", pcap.toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("no truth for " + pcap).contains("lonely.truth");

        TrainCommandTest.Outcome count = TrainCommandTest.run(new EvaluateCommand(), "--capture", pcap.toString(), pcap.toString(),
                "--truth", pcap.toString());
        assertThat(count.exit()).isEqualTo(2);
        assertThat(count.err()).contains("2 captures but 1 truth files");

        TrainCommandTest.Outcome both = TrainCommandTest.run(new EvaluateCommand(), "--capture", pcap.toString(), "--test",
                pcap.toString());
        assertThat(both.exit()).isEqualTo(2);
        TrainCommandTest.Outcome badTruth = TrainCommandTest.run(new EvaluateCommand(), "--capture", pcap.toString(), "--truth",
                Files.writeString(dir.resolve("bad.truth"), "not a truth\n").toString());
        assertThat(badTruth.exit()).isEqualTo(3);
        assertThat(badTruth.err()).contains("bad.truth");
    }
}
